import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, allocateRefund, sumParts, type FeeParts } from '../../../../../../shared/modules/finance/domain/allocation';
import { FEE_KINDS } from '../../../../../../shared/modules/finance/domain/book';

const total = (parts: FeeParts) => Object.values(parts).reduce((s: number, v) => s + (v ?? 0), 0);

describe('Function: allocate (money in)', () => {
  it.each([
    ['in the lines\u2019 order; postage last', 70_000, 0, { fee: 50_000, postage: 20_000 }],
    ['beyond every line is unallocated', 90_000, 0, { fee: 50_000, postage: 30_000, unallocated: 10_000 }],
    ['a later payment starts after what earlier ones covered (postage paid after the fees)', 30_000, 50_000, { postage: 30_000 }],
    ['a later payment beyond the lines is unallocated', 40_000, 80_000, { unallocated: 40_000 }],
    ['an earlier payment covered part of the first line', 60_000, 20_000, { fee: 30_000, postage: 30_000 }],
  ])('%s', (_what, amount, covered, expected) => {
    expect(allocate(amount, [{ kind: 'fee', amount: 50_000 }, { kind: 'postage', amount: 30_000 }], covered)).toEqual(expected);
  });
});

describe('Function: allocateRefund (money out)', () => {
  const bill: FeeParts = { fee: 50_000, charge: 100_000, postage: 30_000 };

  it.each([
    ['a full refund reverses every line exactly', 180_000, bill, {}, bill],
    ['a third of the bill gives back a third of each line', 60_000, bill, {}, { fee: 16_667, charge: 33_333, postage: 10_000 }],
    ['money no line claimed goes back first', 25_000, { ...bill, unallocated: 20_000 }, {}, { unallocated: 20_000, fee: 1_389, charge: 2_778, postage: 833 }],
    ['what earlier refunds gave back is not given again', 30_000, bill, { postage: 30_000 }, { fee: 10_000, charge: 20_000 }],
    ['money a dossier did not want is unallocated all through', 5_000, { unallocated: 5_000 }, {}, { unallocated: 5_000 }],
    ['one đồng goes to the line with the larger remainder', 1, { fee: 1, charge: 2 }, {}, { charge: 1 }],
  ])('%s', (_what, amount, collected, refunded, expected) => {
    expect(allocateRefund(amount, collected, refunded)).toEqual(expected);
  });

  it('refuses more than the money still holds', () => {
    expect(() => allocateRefund(10_001, { fee: 10_000 }, {})).toThrow(RangeError);
    expect(() => allocateRefund(2, { fee: 10_000 }, { fee: 9_999 })).toThrow(RangeError);
  });

  it('splits exactly even where amount × line passes 2^53 (amounts of 10^10 đồng)', () => {
    const parts = allocateRefund(9_999_999_999, { fee: 7_000_000_001, charge: 3_000_000_000 }, {});
    expect(total(parts)).toBe(9_999_999_999);
    expect(parts.fee! + parts.charge!).toBe(9_999_999_999);
    expect(parts.fee).toBeLessThanOrEqual(7_000_000_001);
  });

  const money = fc.record({
    fee: fc.integer({ min: 0, max: 20_000_000 }),
    charge: fc.integer({ min: 0, max: 20_000_000 }),
    postage: fc.integer({ min: 0, max: 2_000_000 }),
    unallocated: fc.integer({ min: 0, max: 2_000_000 }),
  });

  it('property: refunds in any pieces add up to each refund, never give back more of a kind than came in, and all of it once refunded in full', () => {
    fc.assert(
      fc.property(money, fc.array(fc.integer({ min: 1, max: 1_000 }), { minLength: 1, maxLength: 8 }), (collected, weights) => {
        const paid = total(collected);
        fc.pre(paid > 0);
        // Pieces that add up to the whole payment, in the given proportions.
        const sum = weights.reduce((s, w) => s + w, 0);
        const pieces = weights.map((w) => Math.floor((paid * w) / sum));
        pieces[pieces.length - 1]! += paid - pieces.reduce((s, p) => s + p, 0);
        let refunded: FeeParts = {};
        for (const piece of pieces.filter((p) => p > 0)) {
          const parts = allocateRefund(piece, collected, refunded);
          expect(total(parts)).toBe(piece);
          expect(Object.values(parts).every((v) => Number.isSafeInteger(v) && v! > 0)).toBe(true);
          refunded = sumParts([refunded, parts]);
          for (const kind of FEE_KINDS) expect(refunded[kind] ?? 0).toBeLessThanOrEqual(collected[kind] ?? 0);
        }
        for (const kind of FEE_KINDS) expect(refunded[kind] ?? 0).toBe(collected[kind] ?? 0);
      }),
      { numRuns: 1_000 },
    );
  });
});
