import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCounts, emptyCounts, KPI_COUNTERS } from '../../../../../../shared/modules/kpis/domain/counters';
import { buildPeriodRollup } from '../../../../../../shared/modules/kpis/domain/period-rollup';
import { AGENCY_LEVELS, RANKING_SCOPES } from '../../../../../../shared/modules/kpis/domain/rollup';

const level = fc.constantFrom(...AGENCY_LEVELS);
const catalogue = fc.uniqueArray(fc.record({ agencyCode: fc.stringMatching(/^[A-Z]{2}-[A-Z0-9]{1,4}$/), level }), { selector: (a) => a.agencyCode, maxLength: 30 });
const buckets = ['2026-03-01', '2026-03-02', '2026-03-03'];
const rows = (codes: string[]) =>
  fc.array(
    fc.record({ agencyCode: fc.constantFrom(...codes), bucket: fc.constantFrom(...buckets), dossiers: fc.nat(50), level4Completed: fc.nat(50) }).map((r) => ({
      agencyCode: r.agencyCode,
      bucket: r.bucket,
      counts: addCounts({ dossiers: r.dossiers, level4Completed: Math.min(r.level4Completed, r.dossiers) }),
    })),
    { maxLength: 60 },
  );

describe('buildPeriodRollup', () => {
  it('is nothing but sums: the city of its agencies, of its levels and of its trend; every agency ranked once in its scopes', () => {
    fc.assert(
      fc.property(
        catalogue.chain((agencies) => fc.tuple(fc.constant(agencies), rows([...agencies.map((a) => a.agencyCode), 'XX-GONE']))),
        ([agencies, counted]) => {
          const rollup = buildPeriodRollup({ kind: 'week', id: '2026-W09', computedAt: '2026-03-04T00:00:00Z', buckets, rows: counted, agencies, targets: {} });
          const sum = (list: readonly { counts: typeof rollup.city.counts }[]) => addCounts(...list.map((x) => x.counts));
          const codes = new Set([...agencies.map((a) => a.agencyCode), ...counted.map((r) => r.agencyCode)]);
          expect(rollup.city.counts).toEqual(addCounts(emptyCounts(), ...counted.map((r) => r.counts)));
          expect(rollup.city.counts).toEqual(sum(rollup.rankings.city));
          expect(rollup.city.counts).toEqual(addCounts(...AGENCY_LEVELS.map((l) => rollup.levels[l].counts)));
          expect(rollup.city.counts).toEqual(sum(rollup.series));
          for (const l of AGENCY_LEVELS) expect(rollup.levels[l].counts).toEqual(sum(rollup.rankings[l]));
          expect(rollup.rankings.city.map((a) => a.agencyCode).sort()).toEqual([...codes].sort());
          expect(rollup.rankingSizes).toEqual(Object.fromEntries(RANKING_SCOPES.map((s) => [s, rollup.rankings[s].length])));
          expect(rollup.rankings.department.length + rollup.rankings.commune.length).toBe(codes.size);
          expect(rollup.series).toHaveLength(buckets.length * AGENCY_LEVELS.length);
          // Unranked (nothing to divide by) exactly when the agency filed no dossier.
          for (const a of rollup.rankings.city) expect(a.rank === null).toBe(a.counts.dossiers === 0);
        },
      ),
    );
  });

  it('weighs each group target by its agencies\' volumes, leaving out agencies without one', () => {
    const rollup = buildPeriodRollup({
      kind: 'month',
      id: '2026-03',
      computedAt: '2026-04-01T00:00:00Z',
      buckets: ['2026-03-01'],
      rows: [
        { agencyCode: 'A', bucket: '2026-03-01', counts: addCounts({ dossiers: 30 }) },
        { agencyCode: 'B', bucket: '2026-03-01', counts: addCounts({ dossiers: 10 }) },
        { agencyCode: 'C', bucket: '2026-03-01', counts: addCounts({ dossiers: 60 }) },
      ],
      agencies: [{ agencyCode: 'A', level: 'department' }, { agencyCode: 'B', level: 'commune' }, { agencyCode: 'C', level: 'commune' }],
      targets: { A: { level4: 0.5 }, B: { level4: 0.9 } },
    });
    // (30·0.5 + 10·0.9) / 40 = 0.6
    expect([rollup.city.targets, rollup.levels.department.targets, rollup.levels.commune.targets]).toEqual([{ level4: 0.6 }, { level4: 0.5 }, { level4: 0.9 }]);
    expect(KPI_COUNTERS.every((k) => rollup.series[0]!.counts[k] === rollup.levels.department.counts[k])).toBe(true);
  });
});
