import { describe, expect, it } from 'vitest';
import type { Payment, IdempotencyBegin } from '../../../../../../shared/modules/payments';
import type { Dossier, DossierEvent } from '../../../../../../shared/modules/dossiers';
import { recordPaymentMoney } from '../../../../../../shared/modules/finance/use-cases/collections';
import { confirmManualRefund, requestRefund, type RefundDeps } from '../../../../../../shared/modules/finance/use-cases/refunds';
import type { AdjustingReceiptRequest, IdempotencyRecords } from '../../../../../../shared/modules/finance/ports';
import { RefundExceedsPaymentError } from '../../../../../../shared/modules/finance/domain/refund';
import { InvalidInputError, type DomainError } from '../../../../../../shared/platform/kernel/errors';
import { InMemoryFinanceStore } from '../../../../../fakes/finance-store';
import { dossierOwing, T0 } from '../../../../../support/dossiers';

/**
 * A payment of several dossiers (a basket) in the finance book: each dossier's share is booked, raised
 * and refunded as that dossier's own money, so refunds and their adjusting receipts stay per dossier.
 */
const clock = { now: () => new Date(T0.getTime() + 60 * 60_000) };
const agency = { kind: 'agency', agencyCode: 'HP-STP' } as const;
const label = (vi: string) => ({ vi, en: vi });
const manual = { bankName: 'VCB', accountNo: '0011001234567', accountName: 'NGUYEN VAN A', officer: 'Trần Thị B', transferReference: 'FT2606' };
const PAYMENT_ID = 'pay_BASKET000000000000000001';

/** A dossier asking `fee` phí and `charge` lệ phí. */
function dossier(dossierNo: string, fee: number, charge: number): Dossier {
  const base = dossierOwing(0);
  const items = [
    { kind: 'fee' as const, code: 'PHI', label: label('Phí'), amount: fee, basis: '', legalBasis: '' },
    { kind: 'charge' as const, code: 'LEPHI', label: label('Lệ phí'), amount: charge, basis: '', legalBasis: '' },
  ];
  return { ...base, dossierNo, agencyCode: 'HP-STP', fees: { ...base.fees, items, total: fee + charge } };
}

const basket: Payment = {
  paymentId: PAYMENT_ID, dossierNo: 'H31-A', citizenId: '031099012345', agencyCode: 'HP-STP', provider: 'vietqr', providerRef: 'TTBASKET', amount: 80_000,
  shares: [{ dossierNo: 'H31-A', amount: 50_000, byFeeKind: { fee: 20_000, charge: 30_000 } }, { dossierNo: 'H31-B', amount: 30_000, byFeeKind: { fee: 30_000 } }],
  currency: 'VND', status: 'succeeded', returnUrl: 'https://portal.example.vn/r', createdAt: T0.toISOString(), expiresAt: T0.toISOString(),
  providerTransactionId: 'FT-1', completedAt: T0.toISOString(), version: 2,
};

/** The dossier after it applied its share: paid, or (refused) kept for refund review. */
const applied = (d: Dossier, amount: number, refundReview = false): Dossier => ({
  ...d, payments: [{ paymentId: PAYMENT_ID, provider: 'vietqr', amount, status: 'succeeded', paidAt: T0.toISOString(), ...(refundReview ? { refundReview } : {}) }],
});
const succeeded = (dossierNo: string, amount: number): DossierEvent => ({
  type: 'PaymentSucceeded', version: 1, id: `payment-succeeded-${PAYMENT_ID}-${dossierNo}`, occurredAt: T0.toISOString(), dossierNo,
  paymentId: PAYMENT_ID, provider: 'vietqr', amount, paidAt: T0.toISOString(),
});

class Idempotency implements IdempotencyRecords {
  async begin(): Promise<IdempotencyBegin> {
    return { kind: 'new' };
  }
  async complete() {}
  async abandon() {}
}

function setup() {
  const finance = new InMemoryFinanceStore();
  const sent: AdjustingReceiptRequest[] = [];
  const payments = { get: async (id: string) => (id === PAYMENT_ID ? basket : undefined), findByProviderRef: async () => undefined };
  const deps: RefundDeps = { finance, payments, gateways: {}, idempotency: new Idempotency(), clock, receiptRequests: async (r) => void sent.push(r) };
  const book = async (...dossiers: [Dossier, number, boolean?][]) => {
    for (const [d, amount, refused] of dossiers) await recordPaymentMoney({ finance, payments, clock }, succeeded(d.dossierNo, amount), applied(d, amount, refused));
  };
  return { finance, deps, sent, book };
}

const A = dossier('H31-A', 20_000, 30_000);
const B = dossier('H31-B', 30_000, 0);
let n = 0;
const refund = (deps: RefundDeps, body: { amount: number; reason: string; dossierNo?: string }) => requestRefund(deps, agency, PAYMENT_ID, body, `k-${++n}`);
const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as DomainError);

describe('Use case: the money of a payment of several dossiers', () => {
  it('books each dossier\u2019s share as its own collection, by that dossier\u2019s fee lines, once each', async () => {
    const { finance, book } = setup();
    await book([A, 50_000], [B, 30_000], [B, 30_000]);
    const collections = [...finance.entries.values()].filter((e) => e.kind === 'collection');
    expect(collections.map((e) => [e.entryId, e.dossierNo, e.amount, e.byFeeKind, e.reference, e.transactionId])).toEqual([
      [`col_${PAYMENT_ID}_H31-A`, 'H31-A', 50_000, { fee: 20_000, charge: 30_000 }, 'TTBASKET', 'FT-1'],
      [`col_${PAYMENT_ID}_H31-B`, 'H31-B', 30_000, { fee: 30_000 }, 'TTBASKET', 'FT-1'],
    ]);
  });

  it('raises money a dossier of the basket refused on that dossier, booked unallocated with it', async () => {
    const { finance, book } = setup();
    await book([A, 50_000], [B, 30_000, true], [B, 30_000, true]);
    expect([...finance.exceptionsById.values()].map((e) => [e.exceptionId, e.kind, e.dossierNo, e.amount, e.entryId])).toEqual([
      [`exc_late_success_${PAYMENT_ID}_H31-B`, 'late_success', 'H31-B', 30_000, `col_${PAYMENT_ID}_H31-B`],
    ]);
    expect(finance.entries.get(`col_${PAYMENT_ID}_H31-B`)?.byFeeKind).toEqual({ unallocated: 30_000 });
  });

  it('refunds per dossier: the dossier is named, the refund is held against its share and its receipts are adjusted', async () => {
    const { deps, finance, book, sent } = setup();
    await book([A, 50_000], [B, 30_000]);

    const unnamed = await refusal(refund(deps, { amount: 10_000, reason: 'thu thừa' }));
    expect(unnamed).toBeInstanceOf(InvalidInputError);
    expect(unnamed?.details.map((d) => d.path)).toEqual(['dossierNo']);
    expect((await refusal(refund(deps, { amount: 10_000, reason: 'x', dossierNo: 'H31-C' })))?.details.map((d) => d.path)).toEqual(['dossierNo']);
    const beyond = await refusal(refund(deps, { amount: 30_001, reason: 'x', dossierNo: 'H31-B' }));
    expect(beyond).toBeInstanceOf(RefundExceedsPaymentError);
    expect(beyond?.details).toEqual([{ path: 'amount', message: 'at most 30000' }]);

    const { body } = await refund(deps, { amount: 30_000, reason: 'từ chối hồ sơ', dossierNo: 'H31-B' });
    expect(body).toMatchObject({ dossierNo: 'H31-B', scope: 'partial', amount: 30_000 });
    await confirmManualRefund(deps, agency, PAYMENT_ID, body.refundId, manual);
    expect(finance.entries.get(`ref_${body.refundId}`)).toMatchObject({ dossierNo: 'H31-B', byFeeKind: { fee: 30_000 } });
    expect(sent).toEqual([{ dossierNo: 'H31-B', refund: { refundId: body.refundId, dossierNo: 'H31-B', amount: 30_000, lines: [{ kind: 'fee', amount: 30_000 }] } }]);

    // B's share is spent; A's is whole.
    expect(await refusal(refund(deps, { amount: 1, reason: 'x', dossierNo: 'H31-B' }))).toBeInstanceOf(RefundExceedsPaymentError);
    expect((await refund(deps, { amount: 50_000, reason: 'x', dossierNo: 'H31-A' })).body).toMatchObject({ dossierNo: 'H31-A', amount: 50_000 });
  });
});
