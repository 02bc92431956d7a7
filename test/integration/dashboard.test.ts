import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { counterUpdate } from '../../shared/modules/kpis';
import type { KpiIncrements } from '../../shared/modules/kpis/domain/counters';
import { DynamoKpiStore } from '../../shared/modules/kpis/dynamodb';
import { catalogueDirectory } from '../../shared/modules/kpis/catalogue-directory';
import { rollUpKpis } from '../../shared/modules/kpis/use-cases/rollup';
import { DynamoCatalogueRepository } from '../../shared/modules/catalogue/dynamodb';
import { api, devToken } from '../support/api-client';
import { browserAvailable, browserForSuite } from '../support/browser';
import { documents } from '../support/emulators';

/** Every agency of the seeded catalogue is ranked, those with no dossier in the period included. */
const CATALOGUE_AGENCIES = (JSON.parse(readFileSync('data/catalogue.json', 'utf8')) as { agencies: { code: string }[] }).agencies.map((a) => a.code).sort();
/** Git-ignored (.local/): CI keeps it as the test's artifact. */
const ARTIFACTS = '.local/artifacts';
/** A month no other test writes to, so the city's figures are exactly what this file seeds. */
const MONTH = '2019-05';

/** Day counters as the dossier consumer writes them, then the scheduled rollup, for May 2019 (once per file: counters add). */
let seeded: Promise<void> | undefined;
const seed = () => (seeded ??= seedOnce());
/** Adds to an agency's day counters as the dossier consumer does. */
async function addCounters(agencyCode: string, submittedAt: string, increments: KpiIncrements): Promise<void> {
  const u = counterUpdate(agencyCode, submittedAt, increments)!;
  await documents().send(new UpdateCommand({ TableName: inject('tableName'), Key: u.key, UpdateExpression: u.update, ExpressionAttributeNames: u.names, ExpressionAttributeValues: u.values }));
}

async function seedOnce(): Promise<void> {
  const table = inject('tableName');
  const add = addCounters;
  await add('HP-STP', '2019-05-10T02:00:00Z', { dossiers: 4, submittedOnline: 3, withFees: 2, paidOnline: 1, resultsReturned: 2, electronicResults: 1, resultSecondsTotal: 4 * 86_400, level4Completed: 1 });
  await add('HP-PX', '2019-05-20T02:00:00Z', { dossiers: 2, submittedOnline: 2, resultsReturned: 2, electronicResults: 2, resultSecondsTotal: 2 * 86_400, level4Completed: 2 });
  const store = new DynamoKpiStore(documents(), table);
  await rollUpKpis({ store, directory: catalogueDirectory(new DynamoCatalogueRepository(documents(), table)), clock: { now: () => new Date('2019-05-31T10:00:00Z') }, windowMonths: 1 });
}

describe('KPI reports over HTTP', () => {
  let city: string;
  let stp: string;
  beforeAll(async () => {
    await seed();
    city = await devToken({ role: 'city' });
    stp = await devToken({ role: 'agency', agency: 'HP-STP' });
  }, 30_000);

  it('answers the city-wide month to the city role, with levels and the ranking', async () => {
    const res = await api(`/v1/reports/kpis?month=${MONTH}`, { token: city });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ scope: 'city', month: MONTH, counts: { dossiers: 6, level4Completed: 3 }, rates: { level4Rate: 0.5, onlineSubmissionRate: 0.8333 } });
    expect(res.json.ranking.slice(0, 2).map((a: { agencyCode: string; rank: number; level: string }) => [a.rank, a.agencyCode, a.level])).toEqual([[1, 'HP-PX', 'commune'], [2, 'HP-STP', 'department']]);
    expect(res.json.averageDaysToResult).toBe(1.5);
  });

  it('ranks every agency of the catalogue: one with no dossier has zero counts, no rate (not 0 %) and no rank', async () => {
    const res = await api(`/v1/reports/kpis?month=${MONTH}`, { token: city });
    type Row = { agencyCode: string; rank: number | null; counts: { dossiers: number }; kpis: { rate: number | null; denominator: number }[] };
    const ranking = res.json.ranking as Row[];
    expect(res.json.rankingPage.total).toBe(CATALOGUE_AGENCIES.length);
    expect(ranking.map((a) => a.agencyCode).sort()).toEqual(CATALOGUE_AGENCIES);
    const idle = ranking.find((a) => a.agencyCode === 'HP-CA')!;
    expect({ rank: idle.rank, dossiers: idle.counts.dossiers, rates: idle.kpis.map((k) => [k.rate, k.denominator]) }).toEqual({ rank: null, dossiers: 0, rates: idle.kpis.map(() => [null, 0]) });
    const communes = await api(`/v1/reports/kpis?month=${MONTH}&level=commune`, { token: city });
    expect(communes.json.ranking.map((a: Row) => [a.rank, a.agencyCode])).toEqual([[1, 'HP-PX'], [null, 'HP-CAX']]);
  });

  it('answers a period no rollup has reached yet from the counters (a fresh runtime), and says so', async () => {
    const fresh = '2019-08';
    await addCounters('HP-STP', `${fresh}-05T02:00:00Z`, { dossiers: 3, submittedOnline: 3, level4Completed: 2 });
    const res = await api(`/v1/reports/kpis?month=${fresh}`, { token: city });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ scope: 'city', computedAt: null, counts: { dossiers: 3 }, rates: { level4Rate: 0.6667 }, rankingPage: { total: CATALOGUE_AGENCIES.length } });
    expect(res.json.ranking[0]).toMatchObject({ rank: 1, agencyCode: 'HP-STP' });
    const csv = await api(`/v1/reports/kpis.csv?month=${fresh}`, { token: city });
    expect(csv.text).toContain(`${fresh},${fresh}-01,${fresh}-31,HP-STP,`);
  });

  it('pages the ranking of the JSON report (rankOffset, rankLimit) while the CSV keeps every agency; a bad page size names the field', async () => {
    const first = await api(`/v1/reports/kpis?month=${MONTH}&rankLimit=1`, { token: city });
    expect(first.status).toBe(200);
    expect([first.json.ranking.map((a: { agencyCode: string }) => a.agencyCode), first.json.rankingPage]).toEqual([['HP-PX'], { offset: 0, limit: 1, total: CATALOGUE_AGENCIES.length, nextOffset: 1 }]);
    const second = await api(`/v1/reports/kpis?month=${MONTH}&rankLimit=1&rankOffset=1`, { token: city });
    expect([second.json.ranking.map((a: { rank: number; agencyCode: string }) => [a.rank, a.agencyCode]), second.json.rankingPage.nextOffset]).toEqual([[[2, 'HP-STP']], 2]);
    expect(second.json.counts.dossiers).toBe(6);
    const bad = await api(`/v1/reports/kpis?month=${MONTH}&rankLimit=0`, { token: city });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('rankLimit');
    const csv = await api(`/v1/reports/kpis.csv?month=${MONTH}&rankLimit=1`, { token: city });
    expect(csv.status).toBe(200);
    expect([csv.text.includes('HP-PX'), csv.text.includes('HP-STP')]).toEqual([true, true]);
  });

  it('keeps agencies to their own report, the earlier monthly shape included', async () => {
    expect((await api(`/v1/reports/kpis?month=${MONTH}`, { token: stp })).status).toBe(403);
    expect((await api(`/v1/reports/kpis?agencyCode=HP-PX&month=${MONTH}`, { token: stp })).status).toBe(403);
    const own = await api(`/v1/reports/kpis?agencyCode=HP-STP&month=${MONTH}`, { token: stp });
    expect(own.status).toBe(200);
    expect(own.json).toMatchObject({ agencyCode: 'HP-STP', month: MONTH, counts: { dossiers: 4, submittedOnline: 3, paidOnline: 1 }, rates: { onlinePaymentRate: 0.5, level4Rate: 0.25 } });
  });

  it('refuses a query without exactly one period, naming the field', async () => {
    const res = await api(`/v1/reports/kpis?month=${MONTH}&year=2019`, { token: city });
    expect(res.status).toBe(400);
    expect(res.json.error.details).toEqual([expect.objectContaining({ path: 'year' })]);
  });

  it('sets targets for the city role only, between 0 and 1, and shows them with the gap', async () => {
    expect((await api('/v1/agencies/HP-STP/targets/2019', { method: 'PUT', token: stp, body: { level4: 0.6 } })).status).toBe(403);
    const bad = await api('/v1/agencies/HP-STP/targets/2019', { method: 'PUT', token: city, body: { level4: 1.5 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details).toEqual([expect.objectContaining({ path: 'level4' })]);
    expect((await api('/v1/agencies/NO-SUCH/targets/2019', { method: 'PUT', token: city, body: { level4: 0.6 } })).status).toBe(404);
    const saved = await api('/v1/agencies/HP-STP/targets/2019', { method: 'PUT', token: city, body: { level4: 0.6, onlineReceipt: 0.6 } });
    expect(saved.status).toBe(200);
    const report = await api(`/v1/reports/kpis?agencyCode=HP-STP&month=${MONTH}`, { token: city });
    expect(report.json.kpis.find((k: { key: string }) => k.key === 'level4')).toMatchObject({ rate: 0.25, target: 0.6, gap: -0.35 });
  });

  it('proposes each catalogue agency a target from the city goal, weighted by last year (city role only)', async () => {
    expect((await api('/v1/targets/2020/proposal', { method: 'POST', token: stp, body: { goals: { level4: 0.6 } } })).status).toBe(403);
    const res = await api('/v1/targets/2020/proposal', { method: 'POST', token: city, body: { goals: { level4: 0.6 } } });
    expect(res.status).toBe(200);
    type Proposed = { agencyCode: string; share: number; actual: number; target: number };
    const proposals = res.json.proposals.level4 as Proposed[];
    expect(res.json.basedOn).toBe('2019');
    expect(proposals.map((p) => p.agencyCode).sort()).toEqual(CATALOGUE_AGENCIES);
    // The 2019 rollup holds May's seed (the only month rolled up): HP-STP 4 dossiers, HP-PX 2; every other agency none.
    const byCode = Object.fromEntries(proposals.map((p) => [p.agencyCode, p]));
    expect([byCode['HP-STP']!.share, byCode['HP-PX']!.share, byCode['HP-CA']!.share]).toEqual([0.6667, 0.3333, 0]);
    const weighted = proposals.reduce((sum, p) => sum + p.share * p.target, 0);
    expect(weighted).toBeCloseTo(0.6, 3);
  });

  it('exports the same report as CSV with a BOM and Vietnamese headers', async () => {
    const res = await fetch(`${inject('baseUrl')}/v1/reports/kpis.csv?month=${MONTH}`, { headers: { authorization: `Bearer ${city}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toMatch(/^Kỳ báo cáo,Từ ngày,Đến ngày,Mã đơn vị,Tên đơn vị,Cấp,Xếp hạng,Chỉ số,/);
    // Rate 50 %; the target (set above for HP-STP only) and the gap follow, then 1.5 days on average.
    expect(lines.find((l) => l.startsWith('2019-05,2019-05-01,2019-05-31,CITY,Toàn thành phố,,,Hoàn thành toàn trình,'))).toMatch(/,3,6,50,[^,]*,[^,]*,1\.5$/);
  });
});

describe.skipIf(!browserAvailable)('A city official reads the dashboard in a real browser', () => {
  const browser = browserForSuite();
  beforeAll(seed, 60_000);

  it('enters the token, picks a month, sees the percentages, a chart per rate and the ranking', async () => {
    const token = await devToken({ role: 'city' });
    const page = await browser().newPage({ locale: 'vi-VN', viewport: { width: 1400, height: 1200 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
    const response = await page.goto(`${inject('baseUrl')}/dashboard`);
    expect(response!.headers()['content-security-policy']).toContain("connect-src 'self'");
    expect(await page.textContent('h1')).toBe('Chỉ số dịch vụ công trực tuyến toàn trình');
    await page.fill('#token', token);
    await page.selectOption('#periodKind', 'month');
    await page.fill('#periodValue', MONTH);
    await page.click('button[type=submit]');
    await page.waitForSelector(`body[data-loaded="${MONTH}"]`);
    expect(await page.textContent('#kpis tr[data-kpi="level4"] .rate')).toBe('50 %');
    expect(await page.textContent('#kpis tr[data-kpi="onlineReceipt"] .rate')).toBe('83,33 %');
    // Nobody chose postal return: delivered by post has nothing to divide by.
    expect(await page.textContent('#kpis tr[data-kpi="deliveredByPost"] .rate')).toBe('Không có số liệu');
    expect(await page.locator('#charts figure.chart canvas').count()).toBe(8);
    const rows = await page.locator('#ranking tbody tr').allTextContents();
    expect(rows.slice(0, 2)).toEqual([expect.stringContaining('HP-PX'), expect.stringContaining('HP-STP')]);
    expect(rows).toHaveLength(CATALOGUE_AGENCIES.length);
    // An agency without dossiers is listed, unranked, its rates shown as no data rather than 0 %.
    const idle = page.locator('#ranking tbody tr').filter({ has: page.locator('td:nth-child(2)', { hasText: /^HP-CA$/ }) });
    const idleCells = await idle.locator('td').allTextContents();
    expect(idleCells.slice(0, 2)).toEqual(['–', 'HP-CA']);
    expect(idleCells.slice(5)).toEqual(idleCells.slice(5).map(() => '–'));
    expect(await idle.locator('td.nodata').first().getAttribute('title')).toBe('Không có số liệu (mẫu số bằng 0)');
    expect(await page.textContent('#rankPageInfo')).toBe(`1–${CATALOGUE_AGENCIES.length} / ${CATALOGUE_AGENCIES.length} đơn vị`);
    expect([await page.isDisabled('#rankPrev'), await page.isDisabled('#rankNext')]).toEqual([true, true]);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}/dashboard.png`, fullPage: true });
    const download = page.waitForEvent('download');
    await page.click('#csv');
    expect((await download).suggestedFilename()).toBe(`chi-so-${MONTH}.csv`);
    expect(errors).toEqual([]);
  }, 60_000);
});
