import { afterEach, describe, expect, it } from 'vitest';
import { BusinessMetric, useMetricsWriter } from '../../../../../../shared/platform/observability/metrics';
import { NationalPlatformProvider } from '../../../../../../shared/modules/payments/providers/national-platform/provider';
import { signed, type WireFields } from '../../../../../../shared/modules/payments/providers/national-platform/protocol';
import { expirePayments } from '../../../../../../shared/modules/payments/use-cases/expire-payments';
import { FakePaymentStore, pendingPayment } from '../../../../../fakes/payment-store';
import { stubProviders } from '../../../../../fakes/payment-provider';

const SECRET = 'requery-secret';
const settings = { partnerCode: 'TOANTRINH-HP', secret: SECRET, apiUrl: 'https://pp.example/api', beneficiary: { accountNo: '1', bankCode: 'X', accountName: 'X' } };
const payment = pendingPayment(9, { provider: 'national_platform', createdAt: '2026-11-21T00:00:00.000Z', expiresAt: '2026-11-21T00:30:00.000Z', amount: 5_000 });

/** A platform whose QUERY answers are scripted (TrangThaiGD, or undefined for an unsigned answer), counting the questions. */
function scriptedPlatform(states: readonly (string | undefined)[]) {
  let asked = 0;
  const fetchImpl = (async () => {
    const state = states[Math.min(asked, states.length - 1)];
    asked++;
    const fields: WireFields = { LoaiBanTin: 'QUERY', MaLoi: '00', MaDoiTac: settings.partnerCode, MaThamChieu: payment.providerRef, SoTien: '5000', MaTienTe: 'VND', MaGiaoDich: 'PP77', MaNganHang: 'VCB', ThoiGianGD: '20261121074500', TrangThaiGD: state };
    const body = state === undefined ? fields : signed(fields, 'queryReply', SECRET);
    return new Response(JSON.stringify({ error_code: '0', message: JSON.stringify(body) }), { status: 200 });
  }) as unknown as typeof fetch;
  return { provider: new NationalPlatformProvider(settings, fetchImpl), asked: () => asked };
}

function setup(states: readonly (string | undefined)[]) {
  const store = new FakePaymentStore();
  store.add(payment);
  const platform = scriptedPlatform(states);
  const providers = stubProviders({ national_platform: platform.provider });
  const run = (iso: string) => {
    const clock = { now: () => new Date(iso) };
    return expirePayments({ payments: store, clock, providers }, clock);
  };
  return { store, platform, run, current: () => store.payments.get(payment.paymentId)! };
}

/** The business metrics emitted, by name (a writer in place of Powertools'). */
function countMetrics() {
  const names: string[] = [];
  useMetricsWriter({ addDimension: () => undefined, addMetric: (name: string) => void names.push(name), publishStoredMetrics: () => undefined } as never);
  return (name: string) => names.filter((n) => n === name).length;
}
afterEach(() => useMetricsWriter(null));

describe('expirePayments with the national platform\u2019s re-query schedule', () => {
  it('asks a pending (3) transaction again with backoff, only when due, until it succeeds', async () => {
    // Prepare: pending, pending, then paid.
    const { store, platform, run, current } = setup(['3', '3', '1']);

    // Act and assess, run by run (the job runs every minute).
    expect(await run('2026-11-21T00:31:00Z')).toEqual({ expired: 0, paid: 0, skipped: 1 });
    expect(current()).toMatchObject({ status: 'pending', queryDueAt: '2026-11-21T00:32:00.000Z' });

    expect(await run('2026-11-21T00:31:30Z')).toEqual({ expired: 0, paid: 0, skipped: 0 });
    expect(platform.asked()).toBe(1);

    expect(await run('2026-11-21T00:32:00.001Z')).toEqual({ expired: 0, paid: 0, skipped: 1 });
    expect(current().queryDueAt).toBe('2026-11-21T00:34:00.002Z');

    expect(await run('2026-11-21T00:33:00Z')).toEqual({ expired: 0, paid: 0, skipped: 0 });
    expect(await run('2026-11-21T00:35:00Z')).toEqual({ expired: 0, paid: 1, skipped: 0 });

    expect(platform.asked()).toBe(3);
    expect(current()).toMatchObject({ status: 'succeeded', providerTransactionId: 'PP77' });
    expect(store.ledger.map((e) => e.outcome)).toEqual(['query_pending', 'query_pending', 'succeeded']);
    expect(store.events).toEqual([expect.objectContaining({ type: 'PaymentSucceeded', paymentId: payment.paymentId, amount: 5_000 })]);
  });

  it('puts off an unverifiable answer the same way instead of asking every minute', async () => {
    const { platform, run, current } = setup([undefined]);
    await run('2026-11-21T00:31:00Z');
    await run('2026-11-21T00:31:59Z');
    expect(platform.asked()).toBe(1);
    expect(current()).toMatchObject({ status: 'pending', queryDueAt: '2026-11-21T00:32:00.000Z' });
  });

  it('expires a transaction still pending when the 72-hour window closes, after asking a last time at its end, and counts it for the alarm', async () => {
    const { store, platform, run, current } = setup(['3']);
    store.add({ ...payment, queryDueAt: '2026-11-23T22:00:00.000Z' });
    const emitted = countMetrics();

    expect(await run('2026-11-23T22:00:01Z')).toEqual({ expired: 0, paid: 0, skipped: 1 });
    expect(current().queryDueAt).toBe('2026-11-24T00:00:00.000Z');
    expect(emitted(BusinessMetric.paymentQueryGivenUp)).toBe(0);
    expect(await run('2026-11-24T00:00:01Z')).toEqual({ expired: 1, paid: 0, skipped: 0 });
    expect(emitted(BusinessMetric.paymentQueryGivenUp)).toBe(1);

    expect(platform.asked()).toBe(2);
    expect(current()).toMatchObject({ status: 'expired', failureReason: 'expired' });
    expect(store.events).toEqual([expect.objectContaining({ type: 'PaymentFailed', reason: 'expired' })]);
  });

  it('expires at once a transaction the platform says failed (4), which is no giving up', async () => {
    const { run, current } = setup(['4']);
    const emitted = countMetrics();
    expect(await run('2026-11-21T00:31:00Z')).toEqual({ expired: 1, paid: 0, skipped: 0 });
    expect(current().status).toBe('expired');
    expect(emitted(BusinessMetric.paymentQueryGivenUp)).toBe(0);
  });

  it('leaves a payment settled meanwhile alone (the deferral loses the version race quietly)', async () => {
    const { store, run, current } = setup(['3']);
    const settle = store.settle.bind(store);
    let raced = false;
    store.settle = async (s) => {
      if (!raced && s.events.length === 0) {
        raced = true;
        store.add({ ...current(), status: 'succeeded', version: current().version + 1 });
      }
      return settle(s);
    };
    expect(await run('2026-11-21T00:31:00Z')).toEqual({ expired: 0, paid: 0, skipped: 1 });
    expect(current()).toMatchObject({ status: 'succeeded' });
    expect(current().queryDueAt).toBeUndefined();
  });
});
