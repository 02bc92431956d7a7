import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * Business metrics, written as CloudWatch EMF lines by Powertools Metrics. Each function is one line
 * at the place the outcome is known and flushes at once, so no handler needs a metrics middleware and
 * nothing is lost when a handler throws later. The names are shared with the alarms and the dashboard
 * (infra/constructs/monitoring.ts), which must match them exactly.
 */
export const METRICS_NAMESPACE = 'Toantrinh';

export const BusinessMetric = {
  paymentSucceeded: 'PaymentSucceeded',
  paymentFailed: 'PaymentFailed',
  ipnReply: 'IpnReply',
  /** IPN replies other than 00/02: the gateway keeps retrying, or money it took is not matched. */
  ipnRejected: 'IpnRejected',
  deliveryStatusChanged: 'DeliveryStatusChanged',
  dossierEventApplied: 'DossierEventApplied',
  /** An agency's same-day e-receipt summary had not gone out by the end of the day (sent late). */
  receiptSummaryMissed: 'ReceiptSummaryMissed',
  /** The receipt provider refused a receipt for good: its number stays with the failed receipt. */
  receiptRefused: 'ReceiptRefused',
  /**
   * A payment still without a final answer when its provider's re-query schedule ran out (the
   * national platform: 72 h): expired on our clock, and a person must ask the provider.
   */
  paymentQueryGivenUp: 'PaymentQueryGivenUp',
} as const;

/** Default dimensions: the service (as the logger names it) and the stage, so stages sharing an account stay apart. */
export function defaultDimensions(env: NodeJS.ProcessEnv = process.env): { service: string; stage: string } {
  return { service: env.POWERTOOLS_SERVICE_NAME ?? 'toantrinh', stage: env.STAGE ?? 'local' };
}

/** Only 00 (confirmed) and 02 (already confirmed) stop VNPay's retries; anything else needs a look. */
const IPN_ACCEPTED = new Set(['00', '02']);

/** What the functions below need from Powertools Metrics; a test passes its own instance. */
export type MetricsWriter = Pick<Metrics, 'addDimension' | 'addMetric' | 'publishStoredMetrics'>;

/**
 * Outside Lambda (local runtime, tests, operator scripts) there is no log pipeline to turn EMF into
 * metrics, so the lines would only clutter stdout: unless POWERTOOLS_METRICS_DISABLED says otherwise,
 * metrics are off there. Inside Lambda, Powertools' own POWERTOOLS_METRICS_DISABLED / POWERTOOLS_DEV apply.
 */
export function createMetrics(env: NodeJS.ProcessEnv = process.env): MetricsWriter | undefined {
  if (env.POWERTOOLS_METRICS_DISABLED === undefined && !env.AWS_LAMBDA_FUNCTION_NAME) return undefined;
  const { service, stage } = defaultDimensions(env);
  return new Metrics({ namespace: METRICS_NAMESPACE, serviceName: service, defaultDimensions: { stage } });
}

// Created on first use: the environment is complete by then (the local runtime sets it after imports).
let writer: MetricsWriter | undefined | null = null;

/** Replaces the writer (tests); `null` makes the next emission create one from the environment again. */
export function useMetricsWriter(next: MetricsWriter | undefined | null): void {
  writer = next;
}

function emit(name: string, dimensions: Readonly<Record<string, string>>): void {
  if (writer === null) writer = createMetrics();
  if (!writer) return;
  // Add and publish in one synchronous step: no other invocation's dimensions can slip in between.
  for (const [key, value] of Object.entries(dimensions)) writer.addDimension(key, value);
  writer.addMetric(name, MetricUnit.Count, 1);
  writer.publishStoredMetrics();
}

/** A payment reached a final status: succeeded, or failed/cancelled/expired (as Reason). */
export function paymentSettled(provider: string, status: string): void {
  if (status === 'succeeded') emit(BusinessMetric.paymentSucceeded, { Provider: provider });
  else emit(BusinessMetric.paymentFailed, { Provider: provider, Reason: status });
}

/** The RspCode answered to a VNPay IPN; codes other than 00/02 are also counted as IpnRejected for the alarm. */
export function ipnReplied(rspCode: string): void {
  emit(BusinessMetric.ipnReply, { RspCode: rspCode });
  if (!IPN_ACCEPTED.has(rspCode)) emit(BusinessMetric.ipnRejected, {});
}

/** A delivery moved to a new status (registration, postal order, carrier report). */
export function deliveryStatusChanged(status: string): void {
  emit(BusinessMetric.deliveryStatusChanged, { Status: status });
}

/** A dossier event changed the dossier (duplicates and recorded-only events are not counted). */
export function dossierEventApplied(type: string): void {
  emit(BusinessMetric.dossierEventApplied, { EventType: type });
}

/** One per agency whose same-day receipt summary of yesterday had not gone out by midnight. */
export function receiptSummaryMissed(): void {
  emit(BusinessMetric.receiptSummaryMissed, {});
}

/** A receipt the provider refused for good (its number is kept, with the failed state). */
export function receiptRefused(): void {
  emit(BusinessMetric.receiptRefused, {});
}

/** A payment given up after its provider's re-query schedule (expired on our clock; the log names the payment and provider). */
export function paymentQueryGivenUp(): void {
  emit(BusinessMetric.paymentQueryGivenUp, {});
}
