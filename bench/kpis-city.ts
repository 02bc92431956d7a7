/**
 * City-wide KPI report for one month with 25 agencies and with 250 (Hai Phong has 35 departments and
 * 217 communes): the report reads the rollup's header, one page of the ranking and that page's
 * targets, so its latency should stay flat (goal: ratio ≤ 1.2). Counters are written as the dossier
 * consumer writes them, every agency gets targets (as Hai Phong assigns them), then the scheduled use
 * case rolls up; the report is read through the local runtime over HTTP with a city token (token
 * check, handler, DynamoDB, JSON), medians of 200 GETs per size taken in alternating pairs.
 *
 * `npx tsx bench/kpis-city.ts` runs this section alone on its own runtime; `npm run bench` runs it
 * with the others.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalRuntime } from '../local/runtime';
import { silenceSdkNodeVersionWarning } from '../local/quiet-warnings';
import { counterUpdate } from '../shared/modules/kpis';
import type { AgencyEntry } from '../shared/modules/kpis/domain/period-rollup';
import { parsePeriod } from '../shared/modules/kpis/domain/periods';
import { DynamoKpiStore } from '../shared/modules/kpis/dynamodb';
import type { AgencyDirectory } from '../shared/modules/kpis/ports';
import { readRollup } from '../shared/modules/kpis/use-cases/read-rollup';
import { rollUpKpis } from '../shared/modules/kpis/use-cases/rollup';
import { startBenchRuntime } from './bench-runtime';

const GOAL = 1.2;
const PAGE = 20;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A city of `size` agencies as its catalogue would list them: one in seven a department, the rest communes. */
function benchCity(size: number): AgencyDirectory {
  const agencies: AgencyEntry[] = Array.from({ length: size }, (_, a) =>
    a % 7 === 0 ? { agencyCode: `BENCH-${a}`, level: 'department', name: `Sở thứ ${a} thành phố Hải Phòng` } : { agencyCode: `BENCH-${a}`, level: 'commune', name: `Ủy ban nhân dân xã số ${a}` },
  );
  const byCode = new Map(agencies.map((a) => [a.agencyCode, a]));
  return { profile: async (code) => byCode.get(code), agencies: async () => agencies };
}

async function seedMonth(runtime: LocalRuntime, month: string, agencies: number): Promise<void> {
  const client = runtime.container.documentClient;
  const store = new DynamoKpiStore(client, runtime.tableName);
  const writes: (() => Promise<unknown>)[] = [];
  for (let a = 0; a < agencies; a++) {
    for (const day of ['03', '09', '15', '21', '27']) {
      const u = counterUpdate(`BENCH-${a}`, `${month}-${day}T03:00:00Z`, { dossiers: 10 + a, submittedOnline: 5 + (a % 5), withFees: 6, paidOnline: 4, resultsReturned: 8, electronicResults: 5, resultSecondsTotal: 8 * 86_400, level4Completed: 3 + (a % 4) })!;
      writes.push(() => client.send(new UpdateCommand({ TableName: runtime.tableName, Key: u.key, UpdateExpression: u.update, ExpressionAttributeNames: u.names, ExpressionAttributeValues: u.values })));
    }
    const targets = { onlineReceipt: 0.6, paidOnline: 0.5, electronicResult: 1, level4: 0.3 + (a % 5) / 10 };
    writes.push(() => store.setTargets(month.slice(0, 4), `BENCH-${a}`, { targets, updatedAt: `${month}-01T00:00:00.000Z` }));
  }
  const worker = async () => {
    for (let w = writes.shift(); w; w = writes.shift()) await w();
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  await rollUpKpis({ store, directory: benchCity(agencies), clock: { now: () => new Date(`${month}-28T00:00:00Z`) }, windowMonths: 1 });
}

/** One GET of the city report, checked: the stored rollup's answer, the first page of every agency ranked with its targets. */
async function reportMs(runtime: LocalRuntime, token: string, query: string, agencies: number): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${runtime.baseUrl}/v1/reports/kpis?${query}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { ranking?: { kpis: { target: number | null }[] }[]; rankingPage?: { total: number }; computedAt?: string | null };
  const ms = performance.now() - t;
  const page = body.ranking ?? [];
  if (res.status !== 200 || body.rankingPage?.total !== agencies || page.length !== Math.min(PAGE, agencies) || !body.computedAt || page.some((a) => a.kpis.every((k) => k.target === null))) {
    throw new Error(`city report ${query}: ${res.status}, ${page.length} of ${body.rankingPage?.total} agencies, computed ${body.computedAt}`);
  }
  return ms;
}

/** The report's DynamoDB side alone: the header and the page in parallel, then the page's targets. */
async function storeReadMs(runtime: LocalRuntime, month: string): Promise<number> {
  const store = new DynamoKpiStore(runtime.container.documentClient, runtime.tableName);
  const t = performance.now();
  const { rows } = await readRollup({ store, directory: benchCity(0) }, parsePeriod('month', month), 'city', { offset: 0, limit: PAGE });
  await store.targetsOf(month.slice(0, 4), rows.map((r) => r.agencyCode));
  return performance.now() - t;
}

/**
 * Medians of `pairs` timings of each size, taken in pairs whose order alternates (small–large,
 * large–small): the shared machine's load swings within seconds, and pairing makes both sizes see
 * the same moments; whichever goes second in a pair runs on a warmer JIT and emulator, so each goes second half the time.
 */
async function paired(pairs: number, small: () => Promise<number>, large: () => Promise<number>): Promise<{ small: number; large: number; ratio: number }> {
  const runs = { small: [] as number[], large: [] as number[] };
  for (let i = 0; i < pairs; i++) {
    if (i % 2 === 0) {
      runs.small.push(await small());
      runs.large.push(await large());
    } else {
      runs.large.push(await large());
      runs.small.push(await small());
    }
  }
  return { small: median(runs.small), large: median(runs.large), ratio: median(runs.large) / median(runs.small) };
}

export async function kpiCitySection(runtime: LocalRuntime): Promise<{ small: number; large: number; ratio: number; readRatio: number }> {
  // Months no other section writes to, one per size.
  const SMALL = { month: '2018-01', agencies: 25 };
  const LARGE = { month: '2018-02', agencies: 250 };
  await seedMonth(runtime, SMALL.month, SMALL.agencies);
  await seedMonth(runtime, LARGE.month, LARGE.agencies);
  const res = await fetch(`${runtime.baseUrl}/v1/dev/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'city' }) });
  const { token } = (await res.json()) as { token: string };
  const report = (size: typeof SMALL, extra = '') => () => reportMs(runtime, token, `month=${size.month}${extra}`, size.agencies);
  await paired(30, report(SMALL), report(LARGE)); // warm-up
  const http = await paired(200, report(SMALL), report(LARGE));
  const reads = await paired(200, () => storeReadMs(runtime, SMALL.month), () => storeReadMs(runtime, LARGE.month));
  // Ranked by another rate than the stored one, the report reads the scope's whole ranking: not flat, by design.
  const other = await paired(50, report(SMALL, '&rankBy=paidOnline'), report(LARGE, '&rankBy=paidOnline'));
  const bytes = async (month: string) => (await (await fetch(`${runtime.baseUrl}/v1/reports/kpis?month=${month}`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer()).byteLength;
  const sizes = { small: await bytes(SMALL.month), large: await bytes(LARGE.month) };
  const verdict = (ratio: number) => `${ratio.toFixed(2)} (≤ ${GOAL}) ${ratio <= GOAL ? 'ok' : 'MISSED'}`;
  console.log(`\nCity-wide KPI report for a month (header + one ranking page + its targets), median of 200 GETs each, in pairs: ${http.small.toFixed(2)} ms with ${SMALL.agencies} agencies, ${http.large.toFixed(2)} ms with ${LARGE.agencies}`);
  console.log(`  DynamoDB side (header and page in parallel, then the page's targets): ${reads.small.toFixed(2)} ms vs ${reads.large.toFixed(2)} ms, ratio ${verdict(reads.ratio)}`);
  console.log(`  answer size: ${(sizes.small / 1024).toFixed(1)} KB with ${SMALL.agencies} agencies, ${(sizes.large / 1024).toFixed(1)} KB with ${LARGE.agencies}`);
  console.log(`  ranked by another rate (reads the whole ranking, not flat by design): ${other.small.toFixed(2)} ms vs ${other.large.toFixed(2)} ms, ratio ${other.ratio.toFixed(2)}`);
  console.log(`  whole HTTP report, ${LARGE.agencies} / ${SMALL.agencies} agencies: ${verdict(http.ratio)}`);
  return { small: http.small, large: http.large, ratio: http.ratio, readRatio: reads.ratio };
}

/** Run alone: its own runtime with the shipped catalogue, no scheduled functions (the section rolls up itself). */
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  silenceSdkNodeVersionWarning();
  const runtime = await startBenchRuntime();
  try {
    await kpiCitySection(runtime);
  } finally {
    await runtime.stop();
  }
  process.exit(0);
}
