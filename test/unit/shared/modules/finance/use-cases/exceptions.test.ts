import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../../../../shared/modules/dossiers';
import type { Payment } from '../../../../../../shared/modules/payments';
import type { ExceptionKind, FinanceException, ResolutionKind } from '../../../../../../shared/modules/finance/domain/exception';
import { recordPaymentMoney } from '../../../../../../shared/modules/finance/use-cases/collections';
import { collectionEntry, listExceptions, raisePaymentException, raiseUnmatchedTransfer, resolveException } from '../../../../../../shared/modules/finance/use-cases/exceptions';
import { raiseUnclaimedMoney } from '../../../../../../shared/modules/finance/use-cases/unclaimed-money';
import { reconcileDay } from '../../../../../../shared/modules/finance/use-cases/reconcile-day';
import { DEFAULT_SETTLEMENT_FORMATS, writeSettlementFile } from '../../../../../../shared/modules/finance/settlement-file';
import { InMemoryFinanceStore } from '../../../../../fakes/finance-store';
import { dossierOwing, event, T0 } from '../../../../../support/dossiers';

const clock = { now: () => new Date(T0.getTime() + 60_000) };
const agency = { kind: 'agency', agencyCode: 'HP-PX' } as const;
const label = (vi: string) => ({ vi, en: vi });

function payment(id: string, amount: number, overrides: Partial<Payment> = {}): Payment {
  return {
    paymentId: id, dossierNo: 'H31-0001', citizenId: '031099012345', agencyCode: 'HP-PX', provider: 'vnpay', providerRef: `REF-${id}`, amount, currency: 'VND',
    status: 'succeeded', returnUrl: 'https://portal.example.vn/r', createdAt: T0.toISOString(), expiresAt: T0.toISOString(), providerTransactionId: `T-${id}`, version: 2, ...overrides,
  };
}

/** A dossier (5,000 phí) in `status` with these payment records. */
function dossierWith(status: Dossier['status'], payments: Dossier['payments']): Dossier {
  return { ...dossierOwing(5_000), status, payments };
}

const succeeded = (paymentId: string, amount: number, refundReview = false) => ({ paymentId, provider: 'vnpay' as const, amount, status: 'succeeded' as const, paidAt: T0.toISOString(), ...(refundReview ? { refundReview } : {}) });
const paidEvent = (paymentId: string, amount: number) => event('PaymentSucceeded', { paymentId, provider: 'vnpay', amount, paidAt: T0.toISOString() });

describe('Use case: recordPaymentMoney (money the dossier did not want)', () => {
  it('raises a second success when the dossier was already paid by another payment, once however often the event comes', async () => {
    // Prepare
    const finance = new InMemoryFinanceStore();
    const twice = payment('pay-2', 5_000);
    const deps = { finance, payments: { get: async () => twice }, clock };
    const dossier = dossierWith('PROCESSING', [succeeded('pay-1', 5_000), succeeded('pay-2', 5_000, true)]);
    // Act
    await recordPaymentMoney(deps, paidEvent('pay-2', 5_000), dossier);
    await recordPaymentMoney(deps, paidEvent('pay-2', 5_000), dossier);
    // Assess
    expect(await finance.exceptions('HP-PX', 'open')).toEqual([expect.objectContaining({ kind: 'second_success', paymentId: 'pay-2', amount: 5_000, dossierNo: 'H31-0001' })]);
    expect([...finance.entries.values()]).toEqual([expect.objectContaining({ entryId: 'col_pay-2', amount: 5_000, byFeeKind: { unallocated: 5_000 } })]);
  });

  it.each(['REJECTED', 'WITHDRAWN', 'RESULT_RETURNED'] as const)('raises a late success when the dossier had moved on (%s) and nothing else paid it', async (status) => {
    const finance = new InMemoryFinanceStore();
    const late = payment('pay-9', 5_000);
    await recordPaymentMoney({ finance, payments: { get: async () => late }, clock }, paidEvent('pay-9', 5_000), dossierWith(status, [succeeded('pay-9', 5_000, true)]));
    const [raised] = await finance.exceptions('HP-PX', 'open');
    expect(raised).toMatchObject({ kind: 'late_success', paymentId: 'pay-9', reason: expect.stringContaining(status) });
  });

  it('books wanted money by fee kind and raises nothing; a later postage payment is booked as postage', async () => {
    const finance = new InMemoryFinanceStore();
    const base = dossierOwing(0);
    const items = [{ kind: 'fee' as const, code: 'PHI', label: label('Phí'), amount: 5_000, basis: '', legalBasis: '' }];
    const fees = payment('pay-f', 5_000);
    const postage = payment('pay-p', 22_000);
    const dossier: Dossier = { ...base, agencyCode: 'HP-PX', status: 'PROCESSING', extraCharges: 22_000, fees: { ...base.fees, items, total: 5_000 }, payments: [succeeded('pay-f', 5_000), succeeded('pay-p', 22_000)] };
    const byId = { 'pay-f': fees, 'pay-p': postage } as Record<string, Payment>;
    const deps = { finance, payments: { get: async (id: string) => byId[id] }, clock };
    await recordPaymentMoney(deps, paidEvent('pay-f', 5_000), dossier);
    await recordPaymentMoney(deps, paidEvent('pay-p', 22_000), dossier);
    expect(finance.entries.get('col_pay-f')?.byFeeKind).toEqual({ fee: 5_000 });
    expect(finance.entries.get('col_pay-p')?.byFeeKind).toEqual({ postage: 22_000 });
    expect(finance.exceptionsById.size).toBe(0);
  });
});

describe('Use case: every exception kind in the queue, and each resolved', () => {
  /** One exception of each kind, raised as the system raises it. */
  async function raiseEveryKind(finance: InMemoryFinanceStore) {
    const deps = { finance, clock };
    const mismatch = payment('pay-m', 5_000, { status: 'pending', providerTransactionId: undefined, refundReview: { reason: 'amount', at: T0.toISOString() } });
    await raiseUnclaimedMoney(deps, { kind: 'amount_mismatch', payment: mismatch, amount: 4_000, transactionId: 'T-M', paidAt: T0.toISOString() });
    await raisePaymentException(deps, 'second_success', payment('pay-s', 5_000), 5_000, 'already paid');
    await raisePaymentException(deps, 'late_success', payment('pay-l', 5_000), 5_000, 'moved on');
    await raiseUnmatchedTransfer(deps, { reference: 'NO-SUCH', amount: 7_000, transactionId: 'FT-U', paidAt: T0.toISOString() });
    const settled = payment('pay-d', 5_000);
    await raiseUnclaimedMoney(deps, { kind: 'second_transaction', payment: settled, amount: 5_000, transactionId: 'FT-SECOND', paidAt: T0.toISOString() });
    await finance.book(collectionEntry(payment('pay-r', 9_000), T0, 9_000, undefined, 'T-R'));
    await reconcileDay(deps, 'vnpay', '2026-03-10', writeSettlementFile([], DEFAULT_SETTLEMENT_FORMATS.vnpay!), DEFAULT_SETTLEMENT_FORMATS.vnpay!);
  }

  const dossiers = { get: async (no: string) => ({ ...dossierOwing(5_000), dossierNo: no, agencyCode: 'HP-PX' }) };

  it('lists each kind, open, for the agency (or as money of no agency yet)', async () => {
    const finance = new InMemoryFinanceStore();
    await raiseEveryKind(finance);
    const own = (await listExceptions({ finance }, agency, 'HP-PX', 'open')).items.map((e) => e.kind);
    const unassigned = (await listExceptions({ finance }, agency, 'UNASSIGNED', 'open')).items.map((e) => e.kind);
    // The day's (empty) file lists none of the three VNPay collections booked that day (9,000; the mismatched 4,000; the second 5,000).
    const count = (kind: string) => [...own, ...unassigned].filter((k) => k === kind).length;
    expect([count('amount_mismatch'), count('second_success'), count('late_success'), count('unmatched_transfer'), count('reconciliation_difference')]).toEqual([1, 2, 1, 1, 3]);
    expect(unassigned).toEqual(['unmatched_transfer']);
  });

  it.each<[ExceptionKind, ResolutionKind]>([
    ['amount_mismatch', 'note'],
    ['second_success', 'note'],
    ['late_success', 'note'],
    ['unmatched_transfer', 'manual_match'],
    ['reconciliation_difference', 'manual_match'],
    ['reconciliation_difference', 'note'],
  ])('resolves a %s by a %s, audited, and it leaves the open queue', async (kind, resolution) => {
    const finance = new InMemoryFinanceStore();
    await raiseEveryKind(finance);
    const target = [...finance.exceptionsById.values()].find((e) => e.kind === kind)!;
    const resolved = await resolveException({ finance, dossiers, clock }, agency, target.exceptionId, { kind: resolution, note: 'đã xử lý', ...(resolution === 'manual_match' ? { dossierNo: 'H31-0009' } : {}) });
    expect(resolved).toMatchObject({ status: 'resolved', resolution: { kind: resolution, by: 'agency:HP-PX', note: 'đã xử lý' } });
    expect(finance.audit.filter((a) => a.exceptionId === target.exceptionId).map((a) => a.action)).toEqual(['opened', 'resolved']);
    const stillOpen = [...(await finance.exceptions('HP-PX', 'open')), ...(await finance.exceptions('UNASSIGNED', 'open'))];
    expect(stillOpen.map((e: FinanceException) => e.exceptionId)).not.toContain(target.exceptionId);
  });

  it('refuses to match money that has a payment to a dossier, naming why', async () => {
    const finance = new InMemoryFinanceStore();
    await raiseEveryKind(finance);
    const late = [...finance.exceptionsById.values()].find((e) => e.kind === 'late_success')!;
    await expect(resolveException({ finance, dossiers, clock }, agency, late.exceptionId, { kind: 'manual_match', note: 'x', dossierNo: 'H31-0009' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED', details: [{ path: 'kind' }],
    });
  });

  it('moves a matched transfer\u2019s money into the matching agency\u2019s book, for that dossier', async () => {
    const finance = new InMemoryFinanceStore();
    await raiseEveryKind(finance);
    const transfer = [...finance.exceptionsById.values()].find((e) => e.kind === 'unmatched_transfer')!;
    await resolveException({ finance, dossiers, clock }, agency, transfer.exceptionId, { kind: 'manual_match', note: 'ghi sai nội dung', dossierNo: 'H31-0009' });
    expect(finance.entries.get(transfer.entryId!)).toMatchObject({ agencyCode: 'HP-PX', dossierNo: 'H31-0009', amount: 7_000, byFeeKind: { unallocated: 7_000 } });
  });
});
