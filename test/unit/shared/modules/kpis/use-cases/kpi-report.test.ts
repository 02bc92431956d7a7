import { describe, expect, it } from 'vitest';
import type { DossierEvent } from '../../../../../../shared/modules/dossiers/api/dossier-events';
import { applyEventToDossier } from '../../../../../../shared/modules/dossiers/use-cases/apply-dossier-events';
import type { Principal } from '../../../../../../shared/platform/http/principal';
import { ForbiddenError, InvalidInputError } from '../../../../../../shared/platform/kernel/errors';
import { kpiReport, type KpiReportView } from '../../../../../../shared/modules/kpis/use-cases/report';
import { rollUpKpis } from '../../../../../../shared/modules/kpis/use-cases/rollup';
import { InMemoryDossierStore } from '../../../../../fakes/dossier-store';
import { fakeDirectory, InMemoryKpiStore } from '../../../../../fakes/kpi-store';
import { dossierOwing, event } from '../../../../../support/dossiers';

const DAY = 86_400_000;
const directory = fakeDirectory({ 'HP-STP': { name: 'Sở Tư pháp', level: 'department' }, 'HP-PX': { name: 'UBND phường Lê Chân', level: 'commune' } });
const city: Principal = { kind: 'city' };

/**
 * Six dossiers through the real consumer use case (registration, payment, result, postal delivery),
 * so the counters are what production adds. Submitted 10 March 2026 09:00 in Viet Nam, except one in April.
 */
async function seeded() {
  const kpis = new InMemoryKpiStore();
  const store = new InMemoryDossierStore(kpis);
  const submittedAt = '2026-03-10T02:00:00.000Z';
  const run = async (no: string, agencyCode: string, channel: 'online' | 'counter', fees: number, steps: readonly [number, DossierEvent][], at = submittedAt) => {
    const dossier = { ...dossierOwing(fees, { agencyCode, channel, submittedAt: at }), dossierNo: no };
    store.add(dossier);
    await applyEventToDossier(store, { now: () => new Date(at) }, event('DossierRegistered', { channel, feesTotal: fees }, no));
    for (const [days, e] of steps) await applyEventToDossier(store, { now: () => new Date(Date.parse(at) + days * DAY) }, e);
  };
  const paid = (no: string, amount: number) => event('PaymentSucceeded', { paymentId: `P-${no}`, provider: 'vnpay', amount, paidAt: submittedAt }, no);
  const result = (no: string, kind: 'electronic' | 'paper') => event('ResultReady', { kind, issuedAt: submittedAt }, no);
  // HP-STP: online paid, electronic result after 2 days (level 4); online unpaid; counter, collected after 4 days.
  await run('D1', 'HP-STP', 'online', 50_000, [[0, paid('D1', 50_000)], [2, result('D1', 'electronic')]]);
  await run('D2', 'HP-STP', 'online', 50_000, []);
  await run('D3', 'HP-STP', 'counter', 0, [[3, result('D3', 'paper')], [4, event('ResultCollected', { collectedAt: submittedAt }, 'D3')]]);
  // HP-PX: online, nothing owed, delivered by post after 3 days (level 4); online paid, electronic after 1 day (level 4).
  await run('D4', 'HP-PX', 'online', 0, [
    [1, result('D4', 'paper')],
    [1, event('DeliveryStatusChanged', { deliveryId: 'DL-4', status: 'REQUESTED', postage: { amount: 30_000, payer: 'on_delivery' } }, 'D4')],
    [3, event('DeliveryStatusChanged', { deliveryId: 'DL-4', status: 'DELIVERED' }, 'D4')],
  ]);
  await run('D5', 'HP-PX', 'online', 20_000, [[0, paid('D5', 20_000)], [1, result('D5', 'electronic')]]);
  // April: counted in April only.
  await run('D6', 'HP-PX', 'online', 0, [], '2026-04-01T01:00:00.000Z');
  await rollUpKpis({ store: kpis, directory, clock: { now: () => new Date('2026-04-15T00:00:00Z') }, windowMonths: 2 });
  return kpis;
}

const rates = (view: Pick<KpiReportView, 'kpis'>) => Object.fromEntries(view.kpis.map((k) => [k.key, [k.numerator, k.denominator, k.rate]]));

describe('kpiReport on a seeded set of dossiers', () => {
  it.each([
    {
      who: 'HP-STP',
      principal: { kind: 'agency', agencyCode: 'HP-STP' } as Principal,
      query: { agencyCode: 'HP-STP', period: { kind: 'month' as const, id: '2026-03' } },
      expected: {
        onlineReceipt: [2, 3, 0.6667], withFees: [2, 3, 0.6667], paidOnline: [1, 2, 0.5], postalReturn: [0, 3, 0], deliveredByPost: [0, 0, null],
        electronicResult: [1, 2, 0.5], level4: [1, 3, 0.3333], synced: [0, 3, 0],
      },
      days: 3,
    },
    {
      who: 'HP-PX',
      principal: city,
      query: { agencyCode: 'HP-PX', period: { kind: 'month' as const, id: '2026-03' } },
      expected: {
        onlineReceipt: [2, 2, 1], withFees: [1, 2, 0.5], paidOnline: [1, 1, 1], postalReturn: [1, 2, 0.5], deliveredByPost: [1, 1, 1],
        electronicResult: [1, 2, 0.5], level4: [2, 2, 1], synced: [0, 2, 0],
      },
      days: 2,
    },
    {
      who: 'the city',
      principal: city,
      query: { period: { kind: 'month' as const, id: '2026-03' } },
      expected: {
        onlineReceipt: [4, 5, 0.8], withFees: [3, 5, 0.6], paidOnline: [2, 3, 0.6667], postalReturn: [1, 5, 0.2], deliveredByPost: [1, 1, 1],
        electronicResult: [2, 4, 0.5], level4: [3, 5, 0.6], synced: [0, 5, 0],
      },
      days: 2.5,
    },
  ])('$who in March 2026 matches the hand-computed table', async ({ principal, query, expected, days }) => {
    const view = await kpiReport({ store: await seeded(), directory }, principal, query);
    expect(rates(view)).toEqual(expected);
    expect(view.averageDaysToResult).toBe(days);
  });

  it('ranks agencies and rolls the city up by level; the city is the sum of its agencies', async () => {
    const view = await kpiReport({ store: await seeded(), directory }, city, { period: { kind: 'month', id: '2026-03' } });
    expect(view.ranking!.map((a) => [a.rank, a.agencyCode, a.name])).toEqual([[1, 'HP-PX', 'UBND phường Lê Chân'], [2, 'HP-STP', 'Sở Tư pháp']]);
    expect(view.levels!.map((l) => [l.level, l.counts.dossiers])).toEqual([['department', 3], ['commune', 2]]);
    for (const key of Object.keys(view.counts) as (keyof typeof view.counts)[]) {
      expect(view.counts[key]).toBe(view.ranking!.reduce((sum, a) => sum + a.counts[key], 0));
    }
  });

  it('reads April apart, and a quarter as the sum of its months', async () => {
    const store = await seeded();
    const april = await kpiReport({ store, directory }, city, { period: { kind: 'month', id: '2026-04' } });
    const quarter = await kpiReport({ store, directory }, city, { period: { kind: 'quarter', id: '2026-Q2' } });
    const q1 = await kpiReport({ store, directory }, city, { period: { kind: 'quarter', id: '2026-Q1' } });
    expect(april.counts.dossiers).toBe(1);
    expect(quarter.counts.dossiers).toBe(1);
    expect(q1.counts.dossiers).toBe(5);
    expect(q1.trend.map((p) => [p.bucket, p.rates.level4])).toEqual([['2026-01', null], ['2026-02', null], ['2026-03', 0.6]]);
  });

  it('draws the trend of a month day by day, in Viet Nam days', async () => {
    const view = await kpiReport({ store: await seeded(), directory }, { kind: 'agency', agencyCode: 'HP-PX' }, { agencyCode: 'HP-PX', period: { kind: 'month', id: '2026-03' } });
    expect(view.trend).toHaveLength(31);
    expect(view.trend.filter((p) => p.rates.level4 !== null).map((p) => p.bucket)).toEqual(['2026-03-10']);
  });

  it.each([45, 450])('reads the default city report with the same few reads with %i more agencies: header, one ranking page, its targets', async (more) => {
    const store = await seeded();
    for (let i = 0; i < more; i++) store.add(`A${String(i).padStart(3, '0')}`, '2026-03-11T03:00:00Z', { dossiers: 1 + (i % 4), level4Completed: i % 2 });
    await rollUpKpis({ store, directory, clock: { now: () => new Date('2026-04-15T00:00:00Z') }, windowMonths: 2 });
    const before = { ...store.reads };
    const view = await kpiReport({ store, directory }, city, { period: { kind: 'month', id: '2026-03' }, rankPage: { offset: 0, limit: 20 } });
    const reads = Object.fromEntries(Object.entries(store.reads).map(([k, v]) => [k, v - before[k as keyof typeof before]]));
    expect(view.rankingPage!.total).toBe(more + 2);
    expect(view.counts.dossiers).toBe(5 + Array.from({ length: more }, (_, i) => 1 + (i % 4)).reduce((a, b) => a + b, 0));
    expect(reads).toEqual({ agencyDays: 0, monthDays: 0, rollupHeader: 1, rankingPages: 1, rankingRows: 20, targetItems: 20, allTargetsOf: 0 });
  });
});

describe('kpiReport ranking pages', () => {
  it('pages the ranking (the JSON answer stays the same size however many agencies), the pages together being the whole ranking', async () => {
    const store = await seeded();
    for (let i = 0; i < 43; i++) store.add(`A${String(i).padStart(2, '0')}`, '2026-03-11T03:00:00Z', { dossiers: 1 + (i % 3), level4Completed: i % 2 });
    await rollUpKpis({ store, directory, clock: { now: () => new Date('2026-04-15T00:00:00Z') }, windowMonths: 2 });
    const period = { kind: 'month' as const, id: '2026-03' };
    const whole = await kpiReport({ store, directory }, city, { period });
    expect(whole.ranking).toHaveLength(45);
    expect(whole.rankingPage).toEqual({ offset: 0, limit: 45, total: 45, nextOffset: null });
    const pages = [];
    for (let offset: number | null = 0; offset !== null; ) {
      const view: Awaited<ReturnType<typeof kpiReport>> = await kpiReport({ store, directory }, city, { period, rankPage: { offset, limit: 20 } });
      expect(view.ranking!.length).toBeLessThanOrEqual(20);
      expect(view.rankingPage).toMatchObject({ offset, limit: 20, total: 45 });
      pages.push(...view.ranking!);
      // The city's own figures do not depend on the page.
      expect(view.counts).toEqual(whole.counts);
      offset = view.rankingPage!.nextOffset;
    }
    expect(pages.map((a) => [a.rank, a.agencyCode])).toEqual(whole.ranking!.map((a) => [a.rank, a.agencyCode]));
    const past = await kpiReport({ store, directory }, city, { period, rankPage: { offset: 100, limit: 20 } });
    expect({ ranking: past.ranking, page: past.rankingPage }).toEqual({ ranking: [], page: { offset: 100, limit: 20, total: 45, nextOffset: null } });
  });
});

describe('kpiReport roles', () => {
  const month = { kind: 'month' as const, id: '2026-03' };
  it.each([
    ['an agency reading another', { kind: 'agency', agencyCode: 'HP-STP' } as Principal, { agencyCode: 'HP-PX', period: month }],
    ['an agency reading the city', { kind: 'agency', agencyCode: 'HP-STP' } as Principal, { period: month }],
    ['an agency reading a level', { kind: 'agency', agencyCode: 'HP-STP' } as Principal, { level: 'department' as const, period: month }],
    ['a citizen', { kind: 'citizen', citizenId: '031099012345' } as Principal, { agencyCode: 'HP-STP', period: month }],
  ])('refuses %s', async (_, principal, query) => {
    await expect(kpiReport({ store: new InMemoryKpiStore(), directory }, principal, query)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lets the city read any agency, a level and the whole city', async () => {
    const store = await seeded();
    expect((await kpiReport({ store, directory }, city, { agencyCode: 'HP-STP', period: month })).counts.dossiers).toBe(3);
    expect((await kpiReport({ store, directory }, city, { level: 'commune', period: month })).ranking!.map((a) => a.agencyCode)).toEqual(['HP-PX']);
  });

  it('refuses an agency and a level together, and a period that does not exist, naming the field', async () => {
    await expect(kpiReport({ store: new InMemoryKpiStore(), directory }, city, { agencyCode: 'HP-PX', level: 'commune', period: month })).rejects.toMatchObject({ details: [{ path: 'level' }] });
    await expect(kpiReport({ store: new InMemoryKpiStore(), directory }, city, { period: { kind: 'day', id: '2026-02-30' } })).rejects.toBeInstanceOf(InvalidInputError);
  });
});

describe('kpiReport targets', () => {
  const march = { kind: 'month' as const, id: '2026-03' };
  it('shows actual against target and the gap; the city target is weighted by volume', async () => {
    const store = await seeded();
    await store.setTargets('2026', 'HP-STP', { targets: { level4: 0.5, onlineReceipt: 0.6 }, updatedAt: '2026-01-02T00:00:00Z' });
    await store.setTargets('2026', 'HP-PX', { targets: { level4: 0.8 }, updatedAt: '2026-01-02T00:00:00Z' });
    await rollUpKpis({ store, directory, clock: { now: () => new Date('2026-04-15T01:00:00Z') }, windowMonths: 2 });
    const agency = await kpiReport({ store, directory }, city, { agencyCode: 'HP-STP', period: march });
    expect(agency.kpis.find((k) => k.key === 'level4')).toMatchObject({ rate: 0.3333, target: 0.5, gap: -0.1667 });
    expect(agency.kpis.find((k) => k.key === 'withFees')).toMatchObject({ target: null, gap: null });
    const whole = await kpiReport({ store, directory }, city, { period: march });
    // (3 dossiers × 0.5 + 2 dossiers × 0.8) / 5
    expect(whole.kpis.find((k) => k.key === 'level4')).toMatchObject({ rate: 0.6, target: 0.62, gap: -0.02 });
    expect(whole.levels!.map((l) => [l.level, l.kpis.find((k) => k.key === 'level4')!.target])).toEqual([['department', 0.5], ['commune', 0.8]]);
  });

  it("shows an agency's new target in the ranking at once; the city's weighted target follows at the next rollup", async () => {
    const store = await seeded();
    await store.setTargets('2026', 'HP-PX', { targets: { level4: 0.8 }, updatedAt: '2026-04-15T00:10:00Z' });
    const before = await kpiReport({ store, directory }, city, { period: march, rankPage: { offset: 0, limit: 20 } });
    expect(before.ranking!.find((a) => a.agencyCode === 'HP-PX')!.kpis.find((k) => k.key === 'level4')!.target).toBe(0.8);
    expect(before.kpis.find((k) => k.key === 'level4')!.target).toBeNull();
    await rollUpKpis({ store, directory, clock: { now: () => new Date('2026-04-15T00:30:00Z') }, windowMonths: 2 });
    const after = await kpiReport({ store, directory }, city, { period: march, rankPage: { offset: 0, limit: 20 } });
    expect(after.kpis.find((k) => k.key === 'level4')!.target).toBe(0.8);
  });
});
