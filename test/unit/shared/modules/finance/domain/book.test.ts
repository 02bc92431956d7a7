import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookingDate, FEE_KINDS, summarize, type BookEntry } from '../../../../../../shared/modules/finance/domain/book';
import { allocate, allocateRefund, sumParts, type FeeParts } from '../../../../../../shared/modules/finance/domain/allocation';

/** Random sequences of payments and (partial) refunds, each booked as the use cases book them. */
const sequence = fc.array(
  fc.record({
    provider: fc.constantFrom('vnpay', 'vietqr'),
    amount: fc.integer({ min: 1, max: 50_000_000 }),
    asked: fc.array(fc.record({ kind: fc.constantFrom('fee' as const, 'charge' as const, 'postage' as const), amount: fc.integer({ min: 0, max: 20_000_000 }) }), { maxLength: 4 }),
    refunds: fc.array(fc.integer({ min: 1, max: 100 }), { maxLength: 3 }),
  }),
  { maxLength: 30 },
);

describe('Function: summarize (property)', () => {
  it('equals the sum of the ledger entries to the đồng, overall, by provider and by fee kind', () => {
    fc.assert(
      fc.property(sequence, (payments) => {
        const entries: BookEntry[] = [];
        payments.forEach((p, i) => {
          const at = '2026-03-02T03:00:00Z';
          entries.push({ entryId: `c${i}`, kind: 'collection', provider: p.provider, agencyCode: 'A', reference: `r${i}`, amount: p.amount, at, bookDate: bookingDate(p.provider, new Date(at)), byFeeKind: allocate(p.amount, p.asked) });
          const collected = allocate(p.amount, p.asked);
          let refunded: FeeParts = {};
          let left = p.amount;
          p.refunds.forEach((percent, j) => {
            const amount = Math.min(left, Math.max(1, Math.floor((p.amount * percent) / 100)));
            if (amount <= 0) return;
            left -= amount;
            const byFeeKind = allocateRefund(amount, collected, refunded);
            refunded = sumParts([refunded, byFeeKind]);
            entries.push({ entryId: `r${i}.${j}`, kind: 'refund', provider: p.provider, agencyCode: 'A', reference: `r${i}`, amount, at, bookDate: '2026-03-02', byFeeKind });
          });
        });
        const s = summarize('A', '2026-03-02', entries, [], []);
        const sum = (kind: BookEntry['kind'], pick: (e: BookEntry) => number) => entries.filter((e) => e.kind === kind).reduce((t, e) => t + pick(e), 0);
        expect(s.collected).toBe(sum('collection', (e) => e.amount));
        expect(s.refunded).toBe(sum('refund', (e) => e.amount));
        expect(s.net).toBe(s.collected - s.refunded);
        for (const provider of ['vnpay', 'vietqr']) {
          expect(s.byProvider[provider]?.collected ?? 0).toBe(sum('collection', (e) => (e.provider === provider ? e.amount : 0)));
        }
        const byKind = FEE_KINDS.reduce((t, k) => t + s.byFeeKind[k].collected, 0);
        expect(byKind).toBe(s.collected);
        expect(FEE_KINDS.reduce((t, k) => t + s.byFeeKind[k].refunded, 0)).toBe(s.refunded);
        for (const kind of FEE_KINDS) {
          expect(s.byFeeKind[kind].collected).toBe(sum('collection', (e) => e.byFeeKind[kind] ?? 0));
          expect(s.byFeeKind[kind].refunded).toBe(sum('refund', (e) => e.byFeeKind[kind] ?? 0));
          expect(s.byFeeKind[kind].net).toBeGreaterThanOrEqual(0);
        }
        expect(Number.isSafeInteger(s.net)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
