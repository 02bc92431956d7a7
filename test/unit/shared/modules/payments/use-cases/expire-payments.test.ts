import { afterEach, describe, expect, it, vi } from 'vitest';
import { VnpayProvider } from '../../../../../../shared/modules/payments/providers/vnpay/provider';
import type { Payment } from '../../../../../../shared/modules/payments/domain/payment';
import { signQuerydrResponse, toVnpAmount, type VnpParams } from '../../../../../../shared/modules/payments/providers/vnpay/protocol';
import type { PaymentProvider, ProviderStatus } from '../../../../../../shared/modules/payments/ports';
import { expirePayments } from '../../../../../../shared/modules/payments/use-cases/expire-payments';
import { FakePaymentStore, pendingPayment } from '../../../../../fakes/payment-store';
import { stubProvider, stubProviders } from '../../../../../fakes/payment-provider';

const NOW = new Date('2026-11-21T02:00:00Z');
const SECRET = 'querydr-secret';
const TMN = 'TMN00001';

function deps(store: FakePaymentStore, vnpay: PaymentProvider) {
  const vietqr = stubProvider('vietqr', { query: async () => ({ outcome: 'not_queryable' }) });
  return {
    payments: store,
    clock: { now: () => NOW },
    providers: stubProviders({ vnpay, vietqr }),
  };
}

const answering = (outcomeOf: (p: Payment) => ProviderStatus): PaymentProvider => stubProvider('vnpay', { query: async (p) => outcomeOf(p) });

describe('expirePayments', () => {
  it('is not starved by 120 payments the gateway cannot answer for: the 5 due behind them expire in the same run', async () => {
    const store = new FakePaymentStore();
    for (let n = 0; n < 120; n++) store.add(pendingPayment(n, { expiresAt: `2026-11-21T00:10:00.000Z` }));
    for (let n = 120; n < 125; n++) store.add(pendingPayment(n, { expiresAt: `2026-11-21T00:50:00.000Z` }));
    const zombie = (p: Payment) => Number(p.paymentId.slice(4)) < 120;

    const counts = await expirePayments(deps(store, answering((p) => ({ outcome: zombie(p) ? 'unknown' : 'failed' }))), { now: () => NOW });

    expect(counts).toEqual({ expired: 5, paid: 0, skipped: 120 });
    const statuses = [...store.payments.values()].map((p) => [zombie(p), p.status]);
    expect(statuses.filter(([z, s]) => z && s === 'pending')).toHaveLength(120);
    expect(statuses.filter(([z, s]) => !z && s === 'expired')).toHaveLength(5);
  });

  it('stops starting new work when told to, leaving the rest due for the next run', async () => {
    const store = new FakePaymentStore();
    for (let n = 0; n < 30; n++) store.add(pendingPayment(n));
    let asked = 0;
    const counts = await expirePayments(deps(store, answering(() => (asked++, { outcome: 'failed' }))), { now: () => NOW }, { pageSize: 10, concurrency: 5, shouldStop: () => asked >= 10 });
    expect(counts.expired).toBe(10);
    expect([...store.payments.values()].filter((p) => p.status === 'pending')).toHaveLength(20);
  });

  it('expires a VietQR payment on our clock, as there is no status query', async () => {
    const store = new FakePaymentStore();
    store.add(pendingPayment(1, { provider: 'vietqr', providerRef: 'TT123' }));
    expect(await expirePayments(deps(store, answering(() => ({ outcome: 'unknown' }))), { now: () => NOW })).toEqual({ expired: 1, paid: 0, skipped: 0 });
  });
});

describe('expirePayments with VNPay querydr', () => {
  afterEach(() => vi.unstubAllGlobals());
  const provider = new VnpayProvider({ tmnCode: TMN, hashSecret: SECRET, gatewayUrl: 'https://gw.example/pay', apiUrl: 'https://gw.example/querydr', returnUrl: 'https://api.example/return' });

  const signed = (p: Payment, fields: VnpParams): VnpParams =>
    signQuerydrResponse({ vnp_ResponseId: 'r', vnp_Command: 'querydr', vnp_TmnCode: TMN, vnp_TxnRef: p.providerRef, ...fields }, SECRET);
  const paidFields = (p: Payment): VnpParams => ({
    vnp_ResponseCode: '00', vnp_TransactionStatus: '00', vnp_Amount: toVnpAmount(p.amount), vnp_TransactionNo: '14012345', vnp_PayDate: '20261121083000',
  });

  async function runWith(answer: (p: Payment) => Response) {
    const store = new FakePaymentStore();
    const payment = pendingPayment(7);
    store.add(payment);
    vi.stubGlobal('fetch', vi.fn(async () => answer(payment)));
    const counts = await expirePayments(deps(store, provider), { now: () => NOW });
    return { counts, status: store.payments.get(payment.paymentId)!.status };
  }
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it.each([
    ['HTTP 500', (p: Payment) => json(signed(p, { vnp_ResponseCode: '91' }), 500)],
    ['an unsigned body', (p: Payment) => json({ vnp_TxnRef: p.providerRef, vnp_ResponseCode: '91' })],
    ['a body signed with another secret', (p: Payment) => json(signQuerydrResponse({ vnp_TmnCode: TMN, vnp_TxnRef: p.providerRef, vnp_ResponseCode: '91' }, 'other'))],
    ['code 94 (repeated query)', (p: Payment) => json(signed(p, { vnp_ResponseCode: '94' }))],
    ['code 99', (p: Payment) => json(signed(p, { vnp_ResponseCode: '99' }))],
    ['an answer about another order', (p: Payment) => json(signed({ ...p, providerRef: 'OTHER' }, { vnp_ResponseCode: '91' }))],
    ['TransactionStatus 01 (not finished)', (p: Payment) => json(signed(p, { vnp_ResponseCode: '00', vnp_TransactionStatus: '01' }))],
    ['TransactionStatus 07 (fraud review)', (p: Payment) => json(signed(p, { vnp_ResponseCode: '00', vnp_TransactionStatus: '07' }))],
    ['a body that is not JSON', () => new Response('<html>busy</html>', { status: 200 })],
  ])('keeps the payment pending on %s', async (_case, answer) => {
    expect(await runWith(answer)).toEqual({ counts: { expired: 0, paid: 0, skipped: 1 }, status: 'pending' });
  });

  it.each([
    ['code 91 (the gateway never saw it)', (p: Payment) => json(signed(p, { vnp_ResponseCode: '91' })), 'expired'],
    ['TransactionStatus 02 (failed or cancelled)', (p: Payment) => json(signed(p, { vnp_ResponseCode: '00', vnp_TransactionStatus: '02' })), 'expired'],
    ['TransactionStatus 00 (paid, IPN lost)', (p: Payment) => json(signed(p, paidFields(p))), 'succeeded'],
  ])('decides on a verified %s', async (_case, answer, status) => {
    expect((await runWith(answer)).status).toBe(status);
  });
});

describe('expirePayments: finding what it settles', () => {
  it.each([
    ['failed', { outcome: 'failed' } as ProviderStatus],
    ['succeeded', { outcome: 'succeeded', amount: 5_000, transactionId: '14012399' } as ProviderStatus],
  ])('names the payment it read when it settles one the provider reports %s (one read, no reference lookup)', async (_case, status) => {
    const store = new FakePaymentStore();
    const payment = pendingPayment(1);
    store.add(payment);
    const asked: (string | undefined)[] = [];
    const find = store.findByProviderRef.bind(store);
    store.findByProviderRef = async (provider, ref, paymentId?: string) => (asked.push(paymentId), find(provider, ref));
    await expirePayments(deps(store, answering(() => status)), { now: () => NOW });
    expect(asked).toEqual([payment.paymentId]);
    expect(store.payments.get(payment.paymentId)?.status).not.toBe('pending');
  });
});
