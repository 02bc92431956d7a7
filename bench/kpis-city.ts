/**
 * City-wide KPI report for one month with 25 agencies and with 250 (Hai Phong has 35 departments and
 * 217 communes): the report is one rollup read, so its latency should stay flat (goal: ratio ≤ 1.2).
 * Counters are written as the dossier consumer writes them, then rolled up by the scheduled use case;
 * the report is read through the local runtime over HTTP with a city token, medians of 200 GETs.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalRuntime } from '../local/runtime';
import { counterUpdate } from '../shared/modules/kpis';
import { catalogueDirectory } from '../shared/modules/kpis/catalogue-directory';
import { DynamoKpiStore } from '../shared/modules/kpis/dynamodb';
import { rollUpKpis } from '../shared/modules/kpis/use-cases/rollup';

const GOAL = 1.2;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function seedMonth(runtime: LocalRuntime, month: string, agencies: number): Promise<void> {
  const client = runtime.container.documentClient;
  const writes: (() => Promise<unknown>)[] = [];
  for (let a = 0; a < agencies; a++) {
    for (const day of ['03', '09', '15', '21', '27']) {
      const u = counterUpdate(`BENCH-${a}`, `${month}-${day}T03:00:00Z`, { dossiers: 10 + a, submittedOnline: 5 + (a % 5), withFees: 6, paidOnline: 4, resultsReturned: 8, electronicResults: 5, resultSecondsTotal: 8 * 86_400, level4Completed: 3 + (a % 4) })!;
      writes.push(() => client.send(new UpdateCommand({ TableName: runtime.tableName, Key: u.key, UpdateExpression: u.update, ExpressionAttributeNames: u.names, ExpressionAttributeValues: u.values })));
    }
  }
  const worker = async () => {
    for (let w = writes.shift(); w; w = writes.shift()) await w();
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  const store = new DynamoKpiStore(client, runtime.tableName);
  await rollUpKpis({ store, directory: catalogueDirectory(runtime.container.catalogue), clock: { now: () => new Date(`${month}-28T00:00:00Z`) }, windowMonths: 1 });
}

async function latencyMs(runtime: LocalRuntime, token: string, month: string, runs: number, agencies: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const res = await fetch(`${runtime.baseUrl}/v1/reports/kpis?month=${month}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { ranking?: unknown[]; rankingPage?: { total: number } };
    times.push(performance.now() - t);
    // The answer carries the first page of the ranking (20) and the number of agencies ranked.
    if (res.status !== 200 || body.rankingPage?.total !== agencies || body.ranking?.length !== Math.min(20, agencies)) {
      throw new Error(`city report ${month}: ${res.status}, ${body.ranking?.length} of ${body.rankingPage?.total} agencies`);
    }
  }
  return median(times);
}

/** The report's DynamoDB side alone: the one rollup GetItem (and its parse), median of `runs`. */
async function rollupReadMs(runtime: LocalRuntime, month: string, runs: number): Promise<number> {
  const store = new DynamoKpiStore(runtime.container.documentClient, runtime.tableName);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await store.getRollup('month', month);
    times.push(performance.now() - t);
  }
  return median(times);
}

export async function kpiCitySection(runtime: LocalRuntime): Promise<{ small: number; large: number; ratio: number; readRatio: number }> {
  // Months no other section writes to, one per size.
  await seedMonth(runtime, '2018-01', 25);
  await seedMonth(runtime, '2018-02', 250);
  const res = await fetch(`${runtime.baseUrl}/v1/dev/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role: 'city' }) });
  const { token } = (await res.json()) as { token: string };
  await latencyMs(runtime, token, '2018-01', 30, 25); // warm-up
  await latencyMs(runtime, token, '2018-02', 30, 250);
  // Alternate rounds so that a slow moment of the shared machine hits both sizes alike.
  const small: number[] = [];
  const large: number[] = [];
  for (let round = 0; round < 4; round++) {
    small.push(await latencyMs(runtime, token, '2018-01', 50, 25));
    large.push(await latencyMs(runtime, token, '2018-02', 50, 250));
  }
  const reads = { small: [] as number[], large: [] as number[] };
  for (let round = 0; round < 4; round++) {
    reads.small.push(await rollupReadMs(runtime, '2018-01', 50));
    reads.large.push(await rollupReadMs(runtime, '2018-02', 50));
  }
  const bytes = async (month: string) => (await (await fetch(`${runtime.baseUrl}/v1/reports/kpis?month=${month}`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer()).byteLength;
  const sizes = { small: await bytes('2018-01'), large: await bytes('2018-02') };
  const result = { small: median(small), large: median(large), ratio: median(large) / median(small), readRatio: median(reads.large) / median(reads.small) };
  console.log(`\nCity-wide KPI report for a month (one rollup read), median of 200 GETs: ${result.small.toFixed(2)} ms with 25 agencies, ${result.large.toFixed(2)} ms with 250`);
  console.log(`  DynamoDB side (the one rollup GetItem): ${median(reads.small).toFixed(2)} ms vs ${median(reads.large).toFixed(2)} ms, ratio ${result.readRatio.toFixed(2)} (≤ ${GOAL}) ${result.readRatio <= GOAL ? 'ok' : 'MISSED'}`);
  // The answer ranks every agency but carries one page of the ranking, so its bytes do not grow with them.
  console.log(`  answer size: ${(sizes.small / 1024).toFixed(1)} KB with 25 agencies, ${(sizes.large / 1024).toFixed(1)} KB with 250`);
  console.log(`  whole HTTP report, 250 / 25 agencies: ${result.ratio.toFixed(2)} (≤ ${GOAL}) ${result.ratio <= GOAL ? 'ok' : 'MISSED'}`);
  return result;
}
