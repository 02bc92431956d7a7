import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createMetrics,
  deliveryStatusChanged,
  dossierEventApplied,
  ipnReplied,
  paymentQueryGivenUp,
  paymentSettled,
  useMetricsWriter,
} from '../../../../../shared/platform/observability/metrics';

interface EmfLine {
  readonly _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] };
  readonly [key: string]: unknown;
}

const LAMBDA_ENV = { AWS_LAMBDA_FUNCTION_NAME: 'toantrinh-prod-VnpayIpn', POWERTOOLS_SERVICE_NAME: 'toantrinh', STAGE: 'prod' };

/** Runs `emitting` with a writer built from `env` and returns the EMF lines Powertools wrote to stdout. */
function emfLines(env: NodeJS.ProcessEnv, emitting: () => void): EmfLine[] {
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    useMetricsWriter(createMetrics(env));
    emitting();
  } finally {
    spy.mockRestore();
  }
  return written.flatMap((chunk) => chunk.split('\n')).filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as EmfLine);
}

/** One metric per line: its name, value, and the dimensions it is published under with their values. */
function summary(line: EmfLine) {
  const [directive] = line._aws.CloudWatchMetrics;
  const [metric] = directive!.Metrics;
  const [dimensionNames] = directive!.Dimensions;
  return {
    namespace: directive!.Namespace,
    name: metric!.Name,
    unit: metric!.Unit,
    value: line[metric!.Name],
    dimensions: Object.fromEntries(dimensionNames!.map((name) => [name, line[name]])),
  };
}

afterEach(() => useMetricsWriter(null));

describe('business metrics (Powertools EMF)', () => {
  it('counts payments by provider, failures with their reason', () => {
    const lines = emfLines(LAMBDA_ENV, () => {
      paymentSettled('vnpay', 'succeeded');
      paymentSettled('vietqr', 'expired');
    });
    expect(lines.map(summary)).toEqual([
      { namespace: 'Toantrinh', name: 'PaymentSucceeded', unit: 'Count', value: 1, dimensions: { service: 'toantrinh', stage: 'prod', Provider: 'vnpay' } },
      { namespace: 'Toantrinh', name: 'PaymentFailed', unit: 'Count', value: 1, dimensions: { service: 'toantrinh', stage: 'prod', Provider: 'vietqr', Reason: 'expired' } },
    ]);
  });

  it('counts a payment given up after its re-query schedule under service and stage only (the alarm\u2019s dimensions)', () => {
    const lines = emfLines(LAMBDA_ENV, () => paymentQueryGivenUp()).map(summary);
    expect(lines).toEqual([{ namespace: 'Toantrinh', name: 'PaymentQueryGivenUp', unit: 'Count', value: 1, dimensions: { service: 'toantrinh', stage: 'prod' } }]);
  });

  it('counts IPN replies by RspCode and also counts every reply other than 00/02 as rejected', () => {
    const lines = emfLines(LAMBDA_ENV, () => ['00', '02', '97'].forEach(ipnReplied)).map(summary);
    expect(lines.map((l) => [l.name, l.dimensions])).toEqual([
      ['IpnReply', { service: 'toantrinh', stage: 'prod', RspCode: '00' }],
      ['IpnReply', { service: 'toantrinh', stage: 'prod', RspCode: '02' }],
      ['IpnReply', { service: 'toantrinh', stage: 'prod', RspCode: '97' }],
      // The alarm's metric: service and stage only, so one alarm covers every rejecting code.
      ['IpnRejected', { service: 'toantrinh', stage: 'prod' }],
    ]);
  });

  it('counts delivery statuses and applied dossier events by type, each line with its own dimensions', () => {
    const lines = emfLines(LAMBDA_ENV, () => {
      deliveryStatusChanged('DELIVERED');
      dossierEventApplied('PaymentSucceeded');
    }).map(summary);
    expect(lines.map((l) => [l.name, l.dimensions])).toEqual([
      ['DeliveryStatusChanged', { service: 'toantrinh', stage: 'prod', Status: 'DELIVERED' }],
      ['DossierEventApplied', { service: 'toantrinh', stage: 'prod', EventType: 'PaymentSucceeded' }],
    ]);
  });

  it('writes nothing outside Lambda (local runtime, tests) unless POWERTOOLS_METRICS_DISABLED says so', () => {
    expect(createMetrics({ POWERTOOLS_SERVICE_NAME: 'toantrinh', STAGE: 'local' })).toBeUndefined();
    expect(emfLines({ STAGE: 'local' }, () => ipnReplied('99'))).toEqual([]);
    expect(emfLines({ STAGE: 'local', POWERTOOLS_METRICS_DISABLED: 'false' }, () => ipnReplied('00'))).toHaveLength(1);
  });

  it('honours POWERTOOLS_METRICS_DISABLED inside Lambda', () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
    try {
      expect(emfLines({ ...LAMBDA_ENV, POWERTOOLS_METRICS_DISABLED: 'true' }, () => ipnReplied('99'))).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
