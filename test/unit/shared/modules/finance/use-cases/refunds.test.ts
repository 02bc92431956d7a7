import { describe, expect, it } from 'vitest';
import type { Payment, RefundAnswer } from '../../../../../../shared/modules/payments';
import type { IdempotencyBegin } from '../../../../../../shared/modules/payments';
import type { Dossier } from '../../../../../../shared/modules/dossiers';
import { confirmManualRefund, listRefunds, pollSubmittedRefunds, requestRefund, type RefundDeps } from '../../../../../../shared/modules/finance/use-cases/refunds';
import { collectionEntry, raisePaymentException } from '../../../../../../shared/modules/finance/use-cases/exceptions';
import { raiseUnclaimedMoney } from '../../../../../../shared/modules/finance/use-cases/unclaimed-money';
import { financeSummary } from '../../../../../../shared/modules/finance/use-cases/summary';
import type { AdjustingReceiptRequest, IdempotencyRecords, RefundGateway } from '../../../../../../shared/modules/finance/ports';
import { InMemoryFinanceStore } from '../../../../../fakes/finance-store';
import { dossierOwing, T0 } from '../../../../../support/dossiers';

const clock = { now: () => new Date(T0.getTime() + 60 * 60_000) };
const agency = { kind: 'agency', agencyCode: 'HP-STP' } as const;
const label = (vi: string) => ({ vi, en: vi });
const manual = { bankName: 'VCB', accountNo: '0011001234567', accountName: 'NGUYEN VAN A', officer: 'Trần Thị B', transferReference: 'FT2606' };

/** A dossier asking 50,000 phí, 100,000 lệ phí and 30,000 postage. */
function dossier(): Dossier {
  const base = dossierOwing(0);
  const items = [
    { kind: 'fee' as const, code: 'PHI', label: label('Phí'), amount: 50_000, basis: '', legalBasis: '' },
    { kind: 'charge' as const, code: 'LEPHI', label: label('Lệ phí'), amount: 100_000, basis: '', legalBasis: '' },
    { kind: 'postage' as const, code: 'BC', label: label('Cước'), amount: 30_000, basis: '', legalBasis: '' },
  ];
  return { ...base, agencyCode: 'HP-STP', fees: { ...base.fees, items, total: 180_000 } };
}

function payment(provider: Payment['provider'], amount: number, overrides: Partial<Payment> = {}): Payment {
  return {
    paymentId: `pay_${provider}${amount}x0000000000`, dossierNo: 'H31-0001', citizenId: '031099012345', agencyCode: 'HP-STP', provider, providerRef: `REF${amount}`, amount,
    currency: 'VND', status: 'succeeded', returnUrl: 'https://portal.example.vn/r', createdAt: T0.toISOString(), expiresAt: T0.toISOString(),
    providerTransactionId: 'TXN-1', completedAt: T0.toISOString(), version: 2, ...overrides,
  };
}

class Idempotency implements IdempotencyRecords {
  private readonly done = new Map<string, { hash: string; statusCode?: number; body?: unknown }>();
  async begin(scope: string, key: string, hash: string): Promise<IdempotencyBegin> {
    const found = this.done.get(`${scope}|${key}`);
    if (!found) return this.done.set(`${scope}|${key}`, { hash }), { kind: 'new' };
    if (found.hash !== hash) return { kind: 'mismatch' };
    return found.statusCode ? { kind: 'replay', statusCode: found.statusCode, body: found.body } : { kind: 'in_progress' };
  }
  async complete(scope: string, key: string, statusCode: number, body: unknown) {
    this.done.set(`${scope}|${key}`, { ...this.done.get(`${scope}|${key}`)!, statusCode, body });
  }
  async abandon(scope: string, key: string) {
    this.done.delete(`${scope}|${key}`);
  }
}

/** Answers every submit with `outcome`, counting calls and the transaction it was asked to refund. */
class Gateway implements RefundGateway {
  readonly submitted: { transactionNo?: string; amount: number }[] = [];
  constructor(private readonly outcome: RefundAnswer['outcome'] = 'refunded') {}
  async submit(p: Payment, r: { amount: number }): Promise<RefundAnswer> {
    this.submitted.push({ ...(p.providerTransactionId ? { transactionNo: p.providerTransactionId } : {}), amount: r.amount });
    return { outcome: this.outcome, code: this.outcome === 'refunded' ? '00' : '94' };
  }
  async query(): Promise<RefundAnswer> {
    return { outcome: 'refunded', code: '00' };
  }
}

/** The use cases over the in-memory store, its payments booked as the finance reaction books them. */
function setup(payments: Payment[], options: { gateway?: RefundGateway; queueDown?: boolean } = {}) {
  const finance = new InMemoryFinanceStore();
  const sent: AdjustingReceiptRequest[] = [];
  let queueDown = options.queueDown ?? false;
  const deps: RefundDeps = {
    finance,
    payments: { get: async (id) => payments.find((p) => p.paymentId === id), findByProviderRef: async (_provider, ref) => payments.find((p) => p.providerRef === ref) },
    gateways: options.gateway ? { vnpay: options.gateway } : {},
    idempotency: new Idempotency(),
    clock,
    receiptRequests: async (request) => {
      if (queueDown) throw new Error('queue unreachable');
      sent.push(request);
    },
  };
  return { deps, finance, sent, queueUp: () => void (queueDown = false) };
}

const bookPaid = (finance: InMemoryFinanceStore, p: Payment, d: Dossier = { ...dossier(), payments: [{ paymentId: p.paymentId, provider: p.provider, amount: p.amount, status: 'succeeded', paidAt: T0.toISOString() }] }) =>
  finance.book(collectionEntry(p, T0, p.amount, d, p.providerTransactionId));

let keys = 0;
const key = () => `key-${++keys}`;

describe('Use case: refunds by fee kind', () => {
  it('books a partial refund pro rata over phí, lệ phí and postage, and asks once for adjusting receipts of phí and lệ phí', async () => {
    // Prepare
    const paid = payment('vietqr', 180_000);
    const { deps, finance, sent } = setup([paid]);
    await bookPaid(finance, paid);
    // Act
    const { body } = await requestRefund(deps, agency, paid.paymentId, { amount: 60_000, reason: 'thu thừa' }, key());
    const done = await confirmManualRefund(deps, agency, paid.paymentId, body.refundId, manual);
    // Assess
    expect(done.status).toBe('refunded');
    expect(finance.entries.get(`ref_${body.refundId}`)?.byFeeKind).toEqual({ fee: 16_667, charge: 33_333, postage: 10_000 });
    expect(sent).toEqual([{ dossierNo: 'H31-0001', refund: { refundId: body.refundId, dossierNo: 'H31-0001', amount: 50_000, lines: [{ kind: 'fee', amount: 16_667 }, { kind: 'charge', amount: 33_333 }] } }]);
    expect(finance.receiptsDue.size).toBe(0);
  });

  it('gives back the rest line by line after a first refund, so the two together reverse the payment exactly', async () => {
    const paid = payment('vnpay', 180_000);
    const { deps, finance } = setup([paid], { gateway: new Gateway() });
    await bookPaid(finance, paid);
    await requestRefund(deps, agency, paid.paymentId, { amount: 1, reason: 'một đồng' }, key());
    await requestRefund(deps, agency, paid.paymentId, { amount: 179_999, reason: 'phần còn lại' }, key());
    const out = [...finance.entries.values()].filter((e) => e.kind === 'refund');
    const sum = (kind: 'fee' | 'charge' | 'postage') => out.reduce((s, e) => s + (e.byFeeKind[kind] ?? 0), 0);
    expect([sum('fee'), sum('charge'), sum('postage')]).toEqual([50_000, 100_000, 30_000]);
  });

  it('asks for no adjusting receipt when the refund gives back money no fee line claimed (a second payment)', async () => {
    const second = payment('vnpay', 180_000);
    const { deps, finance, sent } = setup([second], { gateway: new Gateway() });
    await finance.book({ ...collectionEntry(second, T0, 180_000, undefined), byFeeKind: { unallocated: 180_000 } });
    await raisePaymentException(deps, 'second_success', second, 180_000, 'already paid');
    const { body } = await requestRefund(deps, agency, second.paymentId, { amount: 180_000, reason: 'nộp hai lần', exceptionId: `exc_second_success_${second.paymentId}` }, key());
    expect(body.status).toBe('refunded');
    expect(finance.entries.get(`ref_${body.refundId}`)?.byFeeKind).toEqual({ unallocated: 180_000 });
    expect(sent).toEqual([]);
    expect(finance.exceptionsById.get(`exc_second_success_${second.paymentId}`)).toMatchObject({ status: 'resolved', resolution: { kind: 'refund', refundId: body.refundId } });
  });

  it('keeps the request due when the queue is down; the refund poll sends it once the queue is back, and only once', async () => {
    const paid = payment('vietqr', 180_000);
    const { deps, finance, sent, queueUp } = setup([paid], { queueDown: true });
    await bookPaid(finance, paid);
    const { body } = await requestRefund(deps, agency, paid.paymentId, { amount: 180_000, reason: 'từ chối' }, key());
    await confirmManualRefund(deps, agency, paid.paymentId, body.refundId, manual);
    expect(sent).toHaveLength(0);
    expect(finance.receiptsDue.size).toBe(1);

    const later = { ...deps, clock: { now: () => new Date(clock.now().getTime() + 5 * 60_000) } };
    queueUp();
    expect((await pollSubmittedRefunds(later)).receiptRequestsRelayed).toBe(1);
    expect((await pollSubmittedRefunds(later)).receiptRequestsRelayed).toBe(0);
    expect(sent.map((r) => [r.refund.refundId, r.refund.amount])).toEqual([[body.refundId, 150_000]]);
  });

  it('refuses a refund before the payment\u2019s money is in the book, and names it', async () => {
    const paid = payment('vietqr', 180_000);
    const { deps } = setup([paid]);
    await expect(requestRefund(deps, agency, paid.paymentId, { amount: 1, reason: 'x' }, key())).rejects.toMatchObject({ code: 'MONEY_NOT_BOOKED_YET' });
  });
});

describe('Use case: refunds started from an exception', () => {
  it('refunds a transfer of the wrong amount from that transfer\u2019s money although its payment is still pending, and resolves the exception', async () => {
    // Prepare: 175,000 came for a payment of 180,000, which stays pending.
    const pending = payment('vietqr', 180_000, { status: 'pending', providerTransactionId: undefined, refundReview: { reason: 'amount', at: T0.toISOString() } });
    const { deps, finance, sent } = setup([pending]);
    await raiseUnclaimedMoney(deps, { kind: 'amount_mismatch', payment: pending, amount: 175_000, transactionId: 'FT-WRONG', paidAt: T0.toISOString() });
    const [exception] = await finance.exceptions('HP-STP', 'open');
    // Act
    await expect(requestRefund(deps, agency, pending.paymentId, { amount: 175_001, reason: 'x', exceptionId: exception!.exceptionId }, key())).rejects.toMatchObject({ code: 'REFUND_EXCEEDS_PAYMENT' });
    const { body } = await requestRefund(deps, agency, pending.paymentId, { amount: 175_000, reason: 'sai số tiền', exceptionId: exception!.exceptionId }, key());
    const done = await confirmManualRefund(deps, agency, pending.paymentId, body.refundId, manual);
    // Assess
    expect([body.scope, done.status]).toEqual(['full', 'refunded']);
    expect(finance.exceptionsById.get(exception!.exceptionId)?.status).toBe('resolved');
    expect(finance.entries.get(`ref_${body.refundId}`)?.byFeeKind).toEqual({ unallocated: 175_000 });
    expect(sent).toEqual([]);
    // The payment's own money is untouched by it.
    expect((await listRefunds(deps, agency, pending.paymentId)).refundable).toBe(0);
  });

  it('refunds a second transfer under a settled payment through the provider naming that transfer\u2019s transaction', async () => {
    const paid = payment('vnpay', 180_000, { providerTransactionId: 'TXN-FIRST' });
    const gateway = new Gateway();
    const { deps, finance } = setup([paid], { gateway });
    await bookPaid(finance, paid);
    await raiseUnclaimedMoney(deps, { kind: 'second_transaction', payment: paid, amount: 180_000, transactionId: 'TXN-SECOND', paidAt: T0.toISOString() });
    const [second] = await finance.exceptions('HP-STP', 'open');
    expect(second).toMatchObject({ kind: 'second_success', transactionId: 'TXN-SECOND', amount: 180_000 });

    const { body } = await requestRefund(deps, agency, paid.paymentId, { amount: 180_000, reason: 'chuyển hai lần', exceptionId: second!.exceptionId }, key());
    expect(body).toMatchObject({ status: 'refunded', scope: 'full' });
    expect(gateway.submitted).toEqual([{ transactionNo: 'TXN-SECOND', amount: 180_000 }]);
    // The fees paid by the first transfer stay refundable in full.
    expect((await listRefunds(deps, agency, paid.paymentId)).refundable).toBe(180_000);
  });

  it('refuses an exception that is not about this payment, and one already resolved', async () => {
    const paid = payment('vietqr', 180_000);
    const other = payment('vietqr', 5_000);
    const { deps, finance } = setup([paid, other]);
    await bookPaid(finance, paid);
    await raisePaymentException(deps, 'late_success', other, 5_000, 'late');
    await raisePaymentException(deps, 'late_success', paid, 180_000, 'late');
    await expect(requestRefund(deps, agency, paid.paymentId, { amount: 1, reason: 'x', exceptionId: `exc_late_success_${other.paymentId}` }, key())).rejects.toMatchObject({
      code: 'VALIDATION_FAILED', details: [{ path: 'exceptionId' }],
    });
    const own = `exc_late_success_${paid.paymentId}`;
    const { body } = await requestRefund(deps, agency, paid.paymentId, { amount: 1_000, reason: 'x', exceptionId: own }, key());
    await confirmManualRefund(deps, agency, paid.paymentId, body.refundId, manual);
    await expect(requestRefund(deps, agency, paid.paymentId, { amount: 1_000, reason: 'x', exceptionId: own }, key())).rejects.toMatchObject({ code: 'EXCEPTION_ALREADY_RESOLVED' });
  });
});

describe('Use case: finance summary after refunds', () => {
  it('books refunds by fee kind: nothing is left unallocated of a dossier\u2019s own payment', async () => {
    const paid = payment('vietqr', 180_000);
    const { deps, finance } = setup([paid]);
    await bookPaid(finance, paid);
    const { body } = await requestRefund(deps, agency, paid.paymentId, { amount: 90_000, reason: 'x' }, key());
    await confirmManualRefund(deps, agency, paid.paymentId, body.refundId, manual);
    const summary = await financeSummary(finance, agency, 'HP-STP', '2026-03-10');
    expect(summary.byFeeKind).toMatchObject({
      fee: { collected: 50_000, refunded: 25_000, net: 25_000 },
      charge: { collected: 100_000, refunded: 50_000, net: 50_000 },
      postage: { collected: 30_000, refunded: 15_000, net: 15_000 },
      unallocated: { collected: 0, refunded: 0, net: 0 },
    });
  });
});
