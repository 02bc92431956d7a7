import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gap, proposeTargets } from '../../../../../../shared/modules/kpis/domain/targets';
import { rank, rollUp } from '../../../../../../shared/modules/kpis/domain/rollup';
import { addCounts, emptyCounts } from '../../../../../../shared/modules/kpis/domain/counters';

describe('proposeTargets (the 2023 volume-weighted method)', () => {
  it('gives each agency aᵢ + (1 − aᵢ)(G − A)/(1 − A), worked by hand', () => {
    // A = (100·0.2 + 300·0.6) / 400 = 0.5; (G − A)/(1 − A) = 0.1 / 0.5 = 0.2
    const proposal = proposeTargets(0.6, [
      { agencyCode: 'SMALL', dossiers: 100, actual: 0.2 },
      { agencyCode: 'LARGE', dossiers: 300, actual: 0.6 },
    ]);
    expect(proposal).toEqual([
      { agencyCode: 'SMALL', share: 0.25, actual: 0.2, target: 0.36 },
      { agencyCode: 'LARGE', share: 0.75, actual: 0.6, target: 0.68 },
    ]);
  });

  it('meets the goal exactly on the volume-weighted average, never lowers an agency, never exceeds 1', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.record({ dossiers: fc.integer({ min: 1, max: 10_000 }), actual: fc.double({ min: 0, max: 0.999, noNaN: true }) }), { minLength: 1, maxLength: 40 }),
        (goal, rows) => {
          const agencies = rows.map((r, i) => ({ agencyCode: `A${i}`, ...r }));
          const proposal = proposeTargets(goal, agencies);
          const total = rows.reduce((s, r) => s + r.dossiers, 0);
          const weighted = proposal.reduce((s, p, i) => s + p.target * rows[i]!.dossiers, 0) / total;
          const cityActual = rows.reduce((s, r) => s + r.actual * r.dossiers, 0) / total;
          expect(weighted).toBeCloseTo(Math.max(goal, cityActual) <= goal ? goal : weighted, 3);
          if (cityActual < goal) expect(weighted).toBeCloseTo(goal, 3);
          proposal.forEach((p, i) => {
            expect(p.target).toBeLessThanOrEqual(1);
            expect(p.target).toBeGreaterThanOrEqual(Math.round(rows[i]!.actual * 10_000) / 10_000 - 1e-4);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('proposes max(actual, goal) once the city is there, and the goal when nobody filed anything', () => {
    expect(proposeTargets(0.5, [{ agencyCode: 'A', dossiers: 10, actual: 0.9 }, { agencyCode: 'B', dossiers: 10, actual: 0.3 }]).map((p) => p.target)).toEqual([0.9, 0.5]);
    expect(proposeTargets(0.6, [{ agencyCode: 'A', dossiers: 0 }]).map((p) => p.target)).toEqual([0.6]);
  });

  it('measures the gap as actual − target, null when either is missing', () => {
    expect(gap(0.55, 0.6)).toBe(-0.05);
    expect(gap(null, 0.6)).toBeNull();
    expect(gap(0.5, undefined)).toBeNull();
  });
});

describe('rollUp and rank', () => {
  it('rolls up as the sum of the agencies, by level too', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ level: fc.constantFrom('department' as const, 'commune' as const), dossiers: fc.nat(1000), level4Completed: fc.nat(1000) })), (rows) => {
        const agencies = rows.map((r, i) => ({ agencyCode: `A${i}`, level: r.level, counts: addCounts(emptyCounts(), { dossiers: r.dossiers, level4Completed: r.level4Completed }) }));
        const city = rollUp(agencies);
        expect(city.dossiers).toBe(rows.reduce((s, r) => s + r.dossiers, 0));
        expect(rollUp(agencies, 'department').dossiers + rollUp(agencies, 'commune').dossiers).toBe(city.dossiers);
      }),
    );
  });

  it('shares a rank between equal rates and puts agencies with nothing to divide by last', () => {
    const row = (agencyCode: string, dossiers: number, level4Completed: number) => ({ agencyCode, level: 'commune' as const, counts: addCounts({ dossiers, level4Completed }) });
    const ranked = rank([row('C', 4, 2), row('A', 10, 5), row('Z', 0, 0), row('B', 10, 9)], 'level4');
    expect(ranked.map((r) => [r.agencyCode, r.rank])).toEqual([['B', 1], ['A', 2], ['C', 2], ['Z', null]]);
  });
});
