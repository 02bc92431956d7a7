import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { deadLetterQueueName, queueName, type QueueDefinition } from '../../shared/platform/config/resources';
import { BusinessMetric, METRICS_NAMESPACE } from '../../shared/platform/observability/metrics';
import type { MonitoredFunction, MonitoredQueue } from './monitored';
import { DEAD_LETTER_RETENTION_DAYS } from './messaging';
import { NotificationMetric } from '../../shared/modules/notifications/metrics';

export interface ServiceAlarmsProps {
  readonly stage: string;
  readonly alarmTopic: ITopic;
  readonly api: IHttpApi;
  /** Keyed by function definition name. */
  readonly functions: ReadonlyMap<string, MonitoredFunction>;
  readonly queues: ReadonlyMap<string, MonitoredQueue>;
  /** The `service` dimension the functions' metrics carry (POWERTOOLS_SERVICE_NAME). */
  readonly serviceName: string;
  /** Each table stream's failure queue (Lambda's on-failure destination), keyed like `Streams`. */
  readonly streamFailureQueues?: ReadonlyMap<string, { readonly name: string; readonly queue: IQueue }>;
}

const FIVE_MINUTES = Duration.minutes(5);
const DAY_SECONDS = 86_400;

/**
 * The longest a message may legitimately wait: every receive until the DLQ takes it holds it for a
 * visibility timeout. Older means the consumer is not keeping up (or is not running). Postal orders
 * back off through their visibility (up to 15 minutes a receive), so a carrier outage trips this
 * before the DLQ alarm does: orders are then waiting, which the operator should know.
 */
export function ageThresholdSeconds(definition: QueueDefinition): number {
  if (definition.oldestMessageAlarmSeconds !== undefined) return definition.oldestMessageAlarmSeconds;
  return Math.max(5 * 60, definition.visibilityTimeoutSeconds * definition.maxReceiveCount);
}

/** A dead letter keeps its original enqueue time; alarm three days before retention would drop it. */
export function deadLetterAgeThresholdSeconds(retentionDays: number): number {
  return Math.max(1, retentionDays - 3) * DAY_SECONDS;
}

/** Every operational alarm besides the dead-letter depth (messaging.ts), all to the alarm topic. */
export class ServiceAlarms extends Construct {
  readonly alarms: Alarm[] = [];
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: ServiceAlarmsProps) {
    super(scope, id);
    this.action = new SnsAction(props.alarmTopic);

    // 5xx means our handler failed (or timed out) on a citizen or a provider callback. A rate, not a
    // count, so busy hours do not page for noise; at least 3 errors, so a quiet night's single 502
    // out of two requests does not either.
    const errors = props.api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' });
    const requests = props.api.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' });
    this.add('Api5xxRate', {
      description: `HTTP API toantrinh-${props.stage}: 5% or more of the requests answered 5xx (at least 3) in 5 minutes. See the functions' Errors alarms and logs.`,
      metric: new MathExpression({
        expression: 'IF(errors >= 3, 100 * errors / requests, 0)',
        usingMetrics: { errors, requests },
        period: FIVE_MINUTES,
        label: '5xx %',
      }),
      threshold: 5,
    });

    for (const [name, fn] of props.functions) {
      // Handlers turn expected failures into responses and consumers report failed records one by
      // one, so a Lambda error is an unhandled exception or a timeout: a bug or an outage.
      this.add(`${name}Errors`, {
        description: `Lambda ${name}: unhandled error or timeout. Its log group has the stack trace.`,
        metric: fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
        threshold: 1,
      });
      // A throttled invocation is a request refused (API) or work delayed (queues, schedules):
      // account concurrency is exhausted, something the operator must raise or investigate.
      this.add(`${name}Throttles`, {
        description: `Lambda ${name}: invocations throttled (account or reserved concurrency exhausted).`,
        metric: fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
        threshold: 1,
      });
    }

    for (const { definition, queue, deadLetterQueue } of props.queues.values()) {
      const threshold = ageThresholdSeconds(definition);
      this.add(`${definition.id}OldestMessageAge`, {
        description:
          definition.oldestMessageAlarmSeconds !== undefined
            ? `${queueName(definition)}: work has been owed over ${threshold} s (e.g. a dossier pending on the National Public Service Portal). Is the partner down or refusing? See the consumer's logs.`
            : `${queueName(definition)}: a message has waited over ${threshold} s (visibility ${definition.visibilityTimeoutSeconds} s × ${definition.maxReceiveCount} receives). Is the consumer failing or throttled?`,
        metric: oldestAge(queue),
        threshold,
      });
      const deadThreshold = deadLetterAgeThresholdSeconds(DEAD_LETTER_RETENTION_DAYS);
      this.add(`${definition.id}DeadLettersOldestAge`, {
        description: `${deadLetterQueueName(definition)}: a dead letter is over ${deadThreshold / DAY_SECONDS} days old and SQS drops it at ${DEAD_LETTER_RETENTION_DAYS}. Fix the cause and run npm run dlq:redrive.`,
        metric: oldestAge(deadLetterQueue),
        threshold: deadThreshold,
      });
    }

    // Any IPN reply but 00/02 means VNPay keeps retrying (99: our failure), a payment it reports is
    // unknown to us (01) or for another amount (04: money may be taken and unmatched), or the
    // signature failed (97: a secret rotated on one side only, or someone probing the endpoint).
    this.add('IpnRejected', {
      description: `VNPay IPN answered other than 00/02 on ${props.stage}. Check the IPN logs by RspCode (dashboard: IPN replies).`,
      metric: new Metric({
        namespace: METRICS_NAMESPACE,
        metricName: BusinessMetric.ipnRejected,
        dimensionsMap: { service: props.serviceName, stage: props.stage },
        period: FIVE_MINUTES,
        statistic: 'Sum',
      }),
      threshold: 1,
    });
    this.streamFailureAlarms(props);
    this.receiptAlarms(props);
    this.notificationAlarms(props);
    this.paymentAlarms(props);
  }

  /**
   * A table stream's consumer gave up on a record (the dossier outbox: an event not published to its
   * queue after every retry): page at the first one, and again before the queue would drop it.
   */
  private streamFailureAlarms(props: ServiceAlarmsProps): void {
    for (const [key, { name, queue }] of props.streamFailureQueues ?? []) {
      const id = key.charAt(0).toUpperCase() + key.slice(1);
      this.add(`${id}StreamFailures`, {
        description: `${name}: the ${key} stream's consumer gave up on a record (e.g. a dossier event not published to its queue). Fix the cause (its logs) and run npm run dlq:redrive -- ${key} within 24 h, while the stream still holds the record.`,
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
        threshold: 1,
      });
      const deadThreshold = deadLetterAgeThresholdSeconds(DEAD_LETTER_RETENTION_DAYS);
      this.add(`${id}StreamFailuresOldestAge`, {
        description: `${name}: a failure record is over ${deadThreshold / DAY_SECONDS} days old and SQS drops it at ${DEAD_LETTER_RETENTION_DAYS}. Run npm run dlq:redrive -- ${key}.`,
        metric: oldestAge(queue),
        threshold: deadThreshold,
      });
    }
  }

  /**
   * A payment whose provider still had no final answer when its re-query schedule ran out (the
   * national platform: 72 h of QUERY) was expired on our clock: the citizen may have paid, and only
   * a person asking the provider will know.
   */
  private paymentAlarms(props: ServiceAlarmsProps): void {
    this.add('PaymentQueryGivenUp', {
      description: `A payment was given up on ${props.stage} after its provider's re-query schedule (national platform: 72 h) without a final answer, and expired on our clock. ExpirePayments' log names it (paymentId, provider): ask the provider; money it took comes back as a late success.`,
      metric: new Metric({
        namespace: METRICS_NAMESPACE,
        metricName: BusinessMetric.paymentQueryGivenUp,
        dimensionsMap: { service: props.serviceName, stage: props.stage },
        period: FIVE_MINUTES,
        statistic: 'Sum',
      }),
      threshold: 1,
    });
  }

  /**
   * The Zalo refresh token is single-use and dies 3 months after it was issued; every refresh renews
   * it, so an old one means refreshing has stopped. At 80 days there are 10 left to seed a new one.
   */
  private notificationAlarms(props: ServiceAlarmsProps): void {
    this.add('ZaloRefreshTokenAging', {
      description: `The stored Zalo OA refresh token is over 80 days old on ${props.stage} (it expires at 3 months). Check SendNotifications' logs for refresh errors; if needed, seed a new one in /toantrinh/${props.stage}/zalo-refresh-token.`,
      metric: new Metric({
        namespace: METRICS_NAMESPACE,
        metricName: NotificationMetric.zaloRefreshTokenAgeDays,
        dimensionsMap: { service: props.serviceName, stage: props.stage },
        period: Duration.hours(1),
        statistic: 'Maximum',
      }),
      threshold: 80,
    });
  }

  /** E-receipts: a day's summary to the tax authority went out late, or the provider refused a receipt. */
  private receiptAlarms(props: ServiceAlarmsProps): void {
    const count = (metricName: string) =>
      new Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap: { service: props.serviceName, stage: props.stage }, period: FIVE_MINUTES, statistic: 'Sum' });
    this.add('ReceiptSummaryMissed', {
      description: `An agency's same-day e-receipt summary (01/TH-BLĐT, Decree 254/2026 Art. 29) did not go out on its day on ${props.stage}; it was sent late. Check SendReceiptSummaries' logs and the receipt provider.`,
      metric: count(BusinessMetric.receiptSummaryMissed),
      threshold: 1,
    });
    this.add('ReceiptRefused', {
      description: `The receipt provider refused an e-receipt for good on ${props.stage}; its number is kept with the failed receipt. Check IssueReceipts' logs (code) and issue a replacement.`,
      metric: count(BusinessMetric.receiptRefused),
      threshold: 1,
    });
  }

  private add(id: string, options: { description: string; metric: IMetric; threshold: number }): void {
    const alarm = new Alarm(this, id, {
      alarmDescription: options.description,
      metric: options.metric,
      threshold: options.threshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      // No datapoints means no traffic (or an idle queue), which is not a failure.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    this.alarms.push(alarm);
  }
}

function oldestAge(queue: IQueue): IMetric {
  return queue.metricApproximateAgeOfOldestMessage({ period: FIVE_MINUTES, statistic: 'Maximum' });
}
