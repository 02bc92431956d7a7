import { inject, describe, expect, it } from 'vitest';
import { addCounts } from '../../shared/modules/kpis/domain/counters';
import { buildPeriodRollup } from '../../shared/modules/kpis/domain/period-rollup';
import { DynamoKpiStore } from '../../shared/modules/kpis/dynamodb';
import { readRollup } from '../../shared/modules/kpis/use-cases/read-rollup';
import { parsePeriod } from '../../shared/modules/kpis/domain/periods';
import { fakeDirectory } from '../fakes/kpi-store';
import { documents } from '../support/emulators';

const store = () => new DynamoKpiStore(documents(), inject('tableName'));

/** A day's rollup of `agencies` communes, agency i filing i + 1 dossiers, i of them toàn trình. */
function rollupOf(day: string, agencies: number, computedAt: string) {
  const codes = Array.from({ length: agencies }, (_, i) => `KS-${String(i).padStart(3, '0')}`);
  return buildPeriodRollup({
    kind: 'day',
    id: day,
    computedAt,
    buckets: [day],
    rows: codes.map((agencyCode, i) => ({ agencyCode, bucket: day, counts: addCounts({ dossiers: i + 1, level4Completed: i }) })),
    agencies: codes.map((agencyCode) => ({ agencyCode, level: 'commune' as const, name: `UBND xã ${agencyCode}` })),
    targets: {},
  });
}

describe('DynamoKpiStore rollups on DynamoDB Local', () => {
  it('reads back the header and any slice of a ranking across its pages, in rank order', async () => {
    const rollup = rollupOf('2017-01-01', 45, '2017-01-02T00:00:00.000Z');
    await store().putRollups([rollup]);
    const header = await store().rollupHeader('day', '2017-01-01');
    const { rankings: _r, ...expected } = rollup;
    expect(header).toEqual(expected);
    expect(await store().rankingRows('day', '2017-01-01', 'commune', 15, 10)).toEqual(rollup.rankings.commune.slice(15, 25));
    expect(await store().rankingRows('day', '2017-01-01', 'commune', 0, 45)).toEqual(rollup.rankings.commune);
    expect(await store().rankingRows('day', '2017-01-01', 'department', 0, 20)).toEqual([]);
  });

  it('keeps a later run against an older one, and cuts pages an earlier, longer run left behind', async () => {
    await store().putRollups([rollupOf('2017-01-02', 45, '2017-01-03T00:00:00.000Z')]);
    await store().putRollups([rollupOf('2017-01-02', 5, '2017-01-03T00:30:00.000Z')]);
    // A delayed run that started before the last one changes nothing.
    await store().putRollups([rollupOf('2017-01-02', 30, '2017-01-03T00:10:00.000Z')]);
    const deps = { store: store(), directory: fakeDirectory({}) };
    const whole = await readRollup(deps, parsePeriod('day', '2017-01-02'), 'city');
    expect([whole.live, whole.header.rankingSizes.city, whole.rows.map((r) => r.agencyCode)]).toEqual([false, 5, ['KS-004', 'KS-003', 'KS-002', 'KS-001', 'KS-000']]);
    const page = await readRollup(deps, parsePeriod('day', '2017-01-02'), 'city', { offset: 0, limit: 20 });
    expect(page.rows).toHaveLength(5);
  });

  it('keeps targets per agency and year, a late retry never undoing a newer edit', async () => {
    await store().setTargets('2017', 'KS-001', { targets: { level4: 0.5 }, updatedAt: '2017-01-02T00:00:00Z' });
    await store().setTargets('2017', 'KS-002', { targets: { onlineReceipt: 0.9 }, updatedAt: '2017-01-02T00:00:00Z' });
    await store().setTargets('2017', 'KS-001', { targets: { level4: 0.4 }, updatedAt: '2017-01-01T00:00:00Z' });
    expect(await store().targetsOf('2017', ['KS-001', 'KS-404'])).toEqual({ 'KS-001': { targets: { level4: 0.5 }, updatedAt: '2017-01-02T00:00:00Z' } });
    expect(Object.keys(await store().allTargetsOf('2017')).sort()).toEqual(['KS-001', 'KS-002']);
  });
});
