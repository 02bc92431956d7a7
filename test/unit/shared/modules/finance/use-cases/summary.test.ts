import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../../../../shared/modules/dossiers';
import type { Payment } from '../../../../../../shared/modules/payments';
import { FEE_KINDS } from '../../../../../../shared/modules/finance/domain/book';
import { collectionEntry } from '../../../../../../shared/modules/finance/use-cases/exceptions';
import { confirmManualRefund, requestRefund, type RefundDeps } from '../../../../../../shared/modules/finance/use-cases/refunds';
import { financeSummary } from '../../../../../../shared/modules/finance/use-cases/summary';
import { InMemoryFinanceStore } from '../../../../../fakes/finance-store';
import { dossierOwing, T0 } from '../../../../../support/dossiers';

const agency = { kind: 'agency', agencyCode: 'HP-STP' } as const;
const clock = { now: () => new Date(T0.getTime() + 60_000) };
const manual = { bankName: 'VCB', accountNo: '0011001234567', accountName: 'NGUYEN VAN A', officer: 'Trần Thị B', transferReference: 'FT1' };
const label = (vi: string) => ({ vi, en: vi });

/** A dossier's lines, what its fees payment paid (maybe over), and refunds as per-mille of it, some confirmed at once. */
const scenario = fc.array(
  fc.record({
    fee: fc.integer({ min: 0, max: 5_000_000 }),
    charge: fc.integer({ min: 0, max: 5_000_000 }),
    postage: fc.integer({ min: 0, max: 500_000 }),
    over: fc.integer({ min: 0, max: 100_000 }),
    refunds: fc.array(fc.integer({ min: 1, max: 1_000 }), { maxLength: 4 }),
  }),
  { minLength: 1, maxLength: 6 },
);

describe('Use case: financeSummary (property over refunds by fee kind)', () => {
  it('equals the sum of the book entries by kind, and no payment gives back more of a kind than it took, even when refunds complete at once', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (dossiers) => {
        const finance = new InMemoryFinanceStore();
        const payments: Payment[] = [];
        const deps: RefundDeps = {
          finance, clock, gateways: {},
          payments: { get: async (id) => payments.find((p) => p.paymentId === id), findByProviderRef: async () => undefined },
          idempotency: { begin: async () => ({ kind: 'new' }), complete: async () => {}, abandon: async () => {} },
        };
        let n = 0;
        for (const d of dossiers) {
          const amount = d.fee + d.charge + d.postage + d.over;
          if (amount === 0) continue;
          const paymentId = `pay_p${++n}000000000000`;
          const base = dossierOwing(0);
          const items = (['fee', 'charge', 'postage'] as const).filter((k) => d[k] > 0).map((kind) => ({ kind, code: kind, label: label(kind), amount: d[kind], basis: '', legalBasis: '' }));
          const dossier: Dossier = { ...base, dossierNo: `H31-${n}`, agencyCode: 'HP-STP', fees: { ...base.fees, items, total: amount - d.over }, payments: [{ paymentId, provider: 'vietqr', amount, status: 'succeeded', paidAt: T0.toISOString() }] };
          const payment: Payment = {
            paymentId, dossierNo: dossier.dossierNo, citizenId: '031099012345', agencyCode: 'HP-STP', provider: 'vietqr', providerRef: `R${n}`, amount, currency: 'VND',
            status: 'succeeded', returnUrl: 'https://portal.example.vn/r', createdAt: T0.toISOString(), expiresAt: T0.toISOString(), providerTransactionId: `T${n}`, version: 2,
          };
          payments.push(payment);
          await finance.book(collectionEntry(payment, T0, amount, dossier, payment.providerTransactionId));
          // Requested one by one (each within what remains), then all confirmed at once.
          const requested: string[] = [];
          let left = amount;
          for (const perMille of d.refunds) {
            const part = Math.min(left, Math.max(1, Math.floor((amount * perMille) / 1_000)));
            if (part <= 0) break;
            left -= part;
            requested.push((await requestRefund(deps, agency, paymentId, { amount: part, reason: 'x' }, `${paymentId}-${requested.length}`)).body.refundId);
          }
          await Promise.all(requested.map((refundId) => confirmManualRefund(deps, agency, paymentId, refundId, manual)));
        }
        const entries = [...finance.entries.values()];
        const summary = await financeSummary(finance, agency, 'HP-STP', '2026-03-10');
        for (const kind of FEE_KINDS) {
          const of = (k: 'collection' | 'refund') => entries.filter((e) => e.kind === k).reduce((s, e) => s + (e.byFeeKind[kind] ?? 0), 0);
          expect(summary.byFeeKind[kind]).toEqual({ collected: of('collection'), refunded: of('refund'), net: of('collection') - of('refund') });
        }
        expect(summary.refunded).toBe(entries.filter((e) => e.kind === 'refund').reduce((s, e) => s + e.amount, 0));
        for (const p of payments) {
          const mine = entries.filter((e) => e.paymentId === p.paymentId);
          for (const kind of FEE_KINDS) {
            const inOf = mine.filter((e) => e.kind === 'collection').reduce((s, e) => s + (e.byFeeKind[kind] ?? 0), 0);
            const outOf = mine.filter((e) => e.kind === 'refund').reduce((s, e) => s + (e.byFeeKind[kind] ?? 0), 0);
            expect(outOf).toBeLessThanOrEqual(inOf);
          }
          for (const e of mine) expect(Object.values(e.byFeeKind).reduce((s: number, v) => s + (v ?? 0), 0)).toBe(e.amount);
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
