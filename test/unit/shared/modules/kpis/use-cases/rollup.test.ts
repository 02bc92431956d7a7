import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../../../../shared/platform/http/principal';
import { KPI_RATES } from '../../../../../../shared/modules/kpis/domain/rates';
import { reportCsv } from '../../../../../../shared/modules/kpis/use-cases/csv';
import { kpiReport, type KpiReportView } from '../../../../../../shared/modules/kpis/use-cases/report';
import { rollUpKpis } from '../../../../../../shared/modules/kpis/use-cases/rollup';
import { fakeDirectory, InMemoryKpiStore } from '../../../../../fakes/kpi-store';

const city: Principal = { kind: 'city' };
const directory = fakeDirectory({
  'HP-STP': { name: 'Sở Tư pháp', level: 'department' },
  'HP-SYT': { name: 'Sở Y tế', level: 'department' },
  'HP-PX': { name: 'UBND phường Lê Chân', level: 'commune' },
  'HP-XA': { name: 'UBND xã An Lư', level: 'commune' },
});

/** HP-STP and HP-PX file dossiers in March 2026; HP-SYT and HP-XA, listed in the catalogue, file none. */
function counters(): InMemoryKpiStore {
  return new InMemoryKpiStore()
    .add('HP-STP', '2026-03-10T02:00:00Z', { dossiers: 4, submittedOnline: 3, withFees: 2, paidOnline: 1, level4Completed: 1 })
    .add('HP-PX', '2026-03-20T02:00:00Z', { dossiers: 2, submittedOnline: 2, level4Completed: 2, resultsReturned: 2, electronicResults: 1, resultSecondsTotal: 3 * 86_400 })
    // Not in the catalogue (any more): counted, ranked, as a department.
    .add('HP-OLD', '2026-02-03T02:00:00Z', { dossiers: 1 });
}
const rolledUp = async (store = counters(), at = '2026-04-15T00:00:00Z', windowMonths = 4) => {
  await rollUpKpis({ store, directory, clock: { now: () => new Date(at) }, windowMonths });
  return store;
};
const row = (view: KpiReportView, code: string) => view.ranking!.find((a) => a.agencyCode === code)!;

describe('rollUpKpis ranks every agency of the catalogue', () => {
  it('lists agencies with no dossiers in the period last, unranked, with zero counts and no rate (not 0 %)', async () => {
    const view = await kpiReport({ store: await rolledUp(), directory }, city, { period: { kind: 'month', id: '2026-03' }, rankPage: { offset: 0, limit: 20 } });
    expect(view.ranking!.map((a) => [a.rank, a.agencyCode])).toEqual([[1, 'HP-PX'], [2, 'HP-STP'], [null, 'HP-SYT'], [null, 'HP-XA']]);
    expect(view.rankingPage!.total).toBe(4);
    const idle = row(view, 'HP-XA');
    expect({ name: idle.name, level: idle.level, dossiers: idle.counts.dossiers, average: idle.averageDaysToResult }).toEqual({ name: 'UBND xã An Lư', level: 'commune', dossiers: 0, average: null });
    expect(idle.kpis.map((k) => [k.key, k.numerator, k.denominator, k.rate])).toEqual(KPI_RATES.map((key) => [key, 0, 0, null]));
    // An agency with dossiers but nothing to divide one rate by has no rate for that one only.
    expect(row(view, 'HP-PX').kpis.find((k) => k.key === 'paidOnline')!.rate).toBeNull();
    expect(row(view, 'HP-PX').kpis.find((k) => k.key === 'level4')!.rate).toBe(1);
  });

  it('keeps them in each level, in the CSV, and in a day nobody filed anything', async () => {
    const store = await rolledUp();
    const communes = await kpiReport({ store, directory }, city, { level: 'commune', period: { kind: 'month', id: '2026-03' } });
    expect(communes.ranking!.map((a) => [a.rank, a.agencyCode])).toEqual([[1, 'HP-PX'], [null, 'HP-XA']]);
    const quiet = await kpiReport({ store, directory }, city, { period: { kind: 'day', id: '2026-03-15' } });
    expect(quiet.ranking!.map((a) => a.agencyCode)).toEqual(['HP-PX', 'HP-STP', 'HP-SYT', 'HP-XA']);
    expect(quiet.ranking!.every((a) => a.rank === null && a.counts.dossiers === 0)).toBe(true);
    const csv = reportCsv(await kpiReport({ store, directory }, city, { period: { kind: 'month', id: '2026-03' } }));
    const line = csv.split('\r\n').find((l) => l.includes(',HP-XA,') && l.includes('Hoàn thành toàn trình'))!;
    // Numerator 0, denominator 0, the rate, target and gap left empty: no data, not 0 %.
    expect(line).toBe('2026-03,2026-03-01,2026-03-31,HP-XA,UBND xã An Lư,"Xã, phường",,Hoàn thành toàn trình,0,0,,,,');
  });

  it('keeps an agency that left the catalogue in the months it counted, as a department', async () => {
    const store = await rolledUp();
    const february = await kpiReport({ store, directory }, city, { period: { kind: 'month', id: '2026-02' } });
    expect(row(february, 'HP-OLD')).toMatchObject({ rank: 1, level: 'department', counts: { dossiers: 1 } });
    const q1 = await kpiReport({ store, directory }, city, { period: { kind: 'quarter', id: '2026-Q1' } });
    expect(q1.ranking!.map((a) => a.agencyCode).sort()).toEqual(['HP-OLD', 'HP-PX', 'HP-STP', 'HP-SYT', 'HP-XA']);
    expect(q1.counts.dossiers).toBe(7);
  });

  it('sums a quarter from the stored months outside the window and the ones it recomputes', async () => {
    const store = await rolledUp();
    // A month later, a window of 2 months is April and May: the quarter's months are the stored ones.
    store.add('HP-STP', '2026-05-04T02:00:00Z', { dossiers: 10 });
    await rolledUp(store, '2026-05-15T00:00:00Z', 2);
    const q1 = await kpiReport({ store, directory }, city, { period: { kind: 'quarter', id: '2026-Q1' } });
    const year = await kpiReport({ store, directory }, city, { period: { kind: 'year', id: '2026' } });
    expect([q1.counts.dossiers, year.counts.dossiers]).toEqual([7, 17]);
    expect(year.trend.slice(0, 5).map((p) => [p.bucket, p.rates.level4])).toEqual([['2026-01', null], ['2026-02', 0], ['2026-03', 0.5], ['2026-04', null], ['2026-05', 0]]);
  });
});

describe('kpiReport before any rollup (a fresh system)', () => {
  const views = async (store: InMemoryKpiStore, query: Parameters<typeof kpiReport>[2]) => kpiReport({ store, directory }, city, query);

  it.each([
    { period: { kind: 'month' as const, id: '2026-03' } },
    { period: { kind: 'week' as const, id: '2026-W12' }, rankPage: { offset: 1, limit: 2 } },
    { period: { kind: 'quarter' as const, id: '2026-Q1' }, level: 'commune' as const },
    { period: { kind: 'year' as const, id: '2026' }, rankBy: 'onlineReceipt' as const, rankPage: { offset: 0, limit: 3 } },
  ])('computes $period.kind $period.id from the counters, exactly as the rollup will', async (query) => {
    const live = await views(counters(), query);
    const stored = await views(await rolledUp(), query);
    expect(live.computedAt).toBeNull();
    expect(stored.computedAt).toBe('2026-04-15T00:00:00.000Z');
    expect({ ...live, computedAt: 'x' }).toEqual({ ...stored, computedAt: 'x' });
    expect(live.counts.dossiers).toBeGreaterThan(0);
  });

  it('reads the stored rollup, not the counters, once one exists', async () => {
    const store = await rolledUp();
    store.add('HP-STP', '2026-03-12T02:00:00Z', { dossiers: 100 });
    const before = store.reads.monthDays;
    const view = await views(store, { period: { kind: 'month', id: '2026-03' } });
    expect([view.counts.dossiers, store.reads.monthDays - before]).toEqual([6, 0]);
  });
});

describe('kpiReport ranked by another rate than the stored one', () => {
  it('orders the whole ranking by that rate and pages it', async () => {
    const store = await rolledUp();
    const byOnline = await kpiReport({ store, directory }, city, { period: { kind: 'month', id: '2026-03' }, rankBy: 'onlineReceipt', rankPage: { offset: 0, limit: 1 } });
    // HP-PX 2/2 online, HP-STP 3/4.
    expect([byOnline.rankBy, byOnline.ranking!.map((a) => [a.rank, a.agencyCode]), byOnline.rankingPage]).toEqual(['onlineReceipt', [[1, 'HP-PX']], { offset: 0, limit: 1, total: 4, nextOffset: 1 }]);
    const next = await kpiReport({ store, directory }, city, { period: { kind: 'month', id: '2026-03' }, rankBy: 'paidOnline', rankPage: { offset: 0, limit: 4 } });
    // Only HP-STP owed fees: the others have nothing to divide by.
    expect(next.ranking!.map((a) => [a.rank, a.agencyCode])).toEqual([[1, 'HP-STP'], [null, 'HP-PX'], [null, 'HP-SYT'], [null, 'HP-XA']]);
  });
});

describe('kpiReport periods at Viet Nam midnight', () => {
  it('counts a dossier of 31 March 23:59:59 in Viet Nam in March, and one a second later in April', async () => {
    const store = new InMemoryKpiStore().add('HP-STP', '2026-03-31T16:59:59Z', { dossiers: 1 }).add('HP-STP', '2026-03-31T17:00:00Z', { dossiers: 2 });
    await rollUpKpis({ store, directory, clock: { now: () => new Date('2026-04-02T00:00:00Z') }, windowMonths: 2 });
    const dossiers = async (kind: 'day' | 'month' | 'quarter', id: string) => (await kpiReport({ store, directory }, city, { period: { kind, id } })).counts.dossiers;
    expect([await dossiers('month', '2026-03'), await dossiers('day', '2026-03-31'), await dossiers('quarter', '2026-Q1')]).toEqual([1, 1, 1]);
    expect([await dossiers('month', '2026-04'), await dossiers('day', '2026-04-01'), await dossiers('quarter', '2026-Q2')]).toEqual([2, 2, 2]);
  });
});
