/**
 * `npm run bench [-- --json <file>]`: the speed, size and cost goals of the project, measured, never
 * asserted in unit tests. Each figure is a ratio to a reference measured in the same run, so machines
 * compare; `--json` writes every goal (value, goal, met) and the per-handler lines to a file.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LocalRuntime } from '../local/runtime';
import { silenceSdkNodeVersionWarning } from '../local/quiet-warnings';
import { measureBundles } from './bundles';
import { measureQuoteRounds } from './quote-rounds';
import { measureKpiReport } from './dossiers';
import { measureIpnThroughput } from './payments';
import { LifecycleMeter, measureLifecycle } from './lifecycle';
import { costPerMillionDossiers, PRICES_AP_SOUTHEAST_1 } from './cost';
import { conditionalPutRate } from './references';
import { writesByArea } from './write-areas';
import { Functions } from '../shared/app/functions';
import { Operations } from '../shared/app/operations';
import { startBenchRuntime } from './bench-runtime';

silenceSdkNodeVersionWarning();

const GOALS = { bundle: 1.3, coldImport: 1.3, quoteThroughput: 0.5, ipnToConditionalPut: 0.5, writesPerChange: 1.5, kpiReport: 1.2, costPerMillionDossiers: 50 };
const args = process.argv.slice(2);
const jsonFile = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ratio = (value: number) => value.toFixed(2);

/**
 * Functions that serve a page for people (/docs with Redoc, the KPI dashboard with uPlot): their
 * bundle is mostly the page's own script. Still measured against the goal; also shown apart.
 */
function pageFunctions(): Set<string> {
  const servesHtml = (method: string, path: string) =>
    Operations.some((o) => o.method === method && o.path === path && Object.values(o.responses).some((r) => /^text\/html/.test((r as { contentType?: string }).contentType ?? '')));
  return new Set(Functions.filter((f) => f.trigger.kind === 'http' && f.trigger.routes.every((r) => servesHtml(r.method, r.path))).map((f) => f.name));
}

async function bundlesSection() {
  const { baseline, handlers } = await measureBundles();
  console.log(`\nBundles (esbuild, as deployed) vs baseline @aws-sdk/client-dynamodb: ${(baseline.bytes / 1024).toFixed(0)} KB, cold import ${baseline.coldImportMs.toFixed(1)} ms`);
  // bytes× counts the JS a cold start parses; files shipped beside a bundle (read by the request that needs them) are shown apart.
  console.log('handler'.padEnd(24), 'KB'.padStart(6), 'bytes×'.padStart(7), 'import ms'.padStart(10), 'import×'.padStart(8), 'beside KB'.padStart(10));
  const lines = handlers.map((h) => ({ name: h.name, kb: h.bytes / 1024, bytesRatio: h.bytes / baseline.bytes, coldImportMs: h.coldImportMs, coldImportRatio: h.coldImportMs / baseline.coldImportMs, besideKb: h.besideBytes / 1024 }));
  for (const h of lines) {
    const missed = h.bytesRatio <= GOALS.bundle && h.coldImportRatio <= GOALS.coldImport ? '' : ' MISSED';
    console.log(h.name.padEnd(24), h.kb.toFixed(0).padStart(6), ratio(h.bytesRatio).padStart(7), h.coldImportMs.toFixed(1).padStart(10), ratio(h.coldImportRatio).padStart(8), (h.besideKb ? h.besideKb.toFixed(0) : '').padStart(10), missed);
  }
  const pages = pageFunctions();
  const api = lines.filter((h) => !pages.has(h.name));
  const worstApiSize = Math.max(...api.map((h) => h.bytesRatio));
  const worstApiCold = Math.max(...api.map((h) => h.coldImportRatio));
  console.log(`  without the page functions (${[...pages].join(', ')}): worst bytes ${ratio(worstApiSize)}, worst cold import ${ratio(worstApiCold)}`);
  return {
    baseline: { kb: baseline.bytes / 1024, coldImportMs: baseline.coldImportMs },
    handlers: lines,
    pageFunctions: [...pages],
    worstApiSize,
    worstApiCold,
    worstSize: Math.max(...lines.map((h) => h.bytesRatio)),
    worstCold: Math.max(...lines.map((h) => h.coldImportRatio)),
  };
}

async function throughputSection(runtime: LocalRuntime) {
  const { bareRuns, gatewayRuns, directRuns, worstP99Ms } = await measureQuoteRounds(runtime, seconds, ROUNDS);
  const reference = median(bareRuns);
  const quote = median(gatewayRuns);
  const direct = median(directRuns);
  const runs = (values: number[]) => values.map((r) => r.toFixed(0)).join(', ');
  console.log(`\nThroughput (${ROUNDS} alternating rounds of ${seconds} s, 32 connections, autocannon in its own process)`);
  console.log(`  bare Node http server: ${reference.toFixed(0)} req/s (runs: ${runs(bareRuns)})`);
  console.log(`  POST /v1/fees/quote:   ${quote.toFixed(0)} req/s (runs: ${runs(gatewayRuns)}), worst p99 ${worstP99Ms} ms`);
  console.log(`  quote handler invoked in-process (no local gateway): ${direct.toFixed(0)} calls/s = ${ratio(direct / reference)}× the bare server (runs: ${runs(directRuns)})`);
  return { bareRps: reference, quoteRps: quote, quoteRatio: quote / reference, directQuotePerSecond: direct, directQuoteRatio: direct / reference };
}

async function dossierSection(runtime: LocalRuntime, meter: LifecycleMeter) {
  const lifecycle = await measureLifecycle(runtime, meter);
  const ops = lifecycle.operations;
  const cost = costPerMillionDossiers(ops);
  console.log(`\nDossier lifecycle (register → VNPay payment + IPN → electronic result), through HTTP and the queues`);
  console.log(`  DynamoDB item writes: ${lifecycle.writes} for ${lifecycle.stateChanges} state changes (${ratio(lifecycle.writes / lifecycle.stateChanges)} per change); ${ops.writeUnits} WRU, ${ops.readUnits} RRU`);
  console.log(`  ${ops.apiRequests} API requests, ${ops.invocations.length} Lambda invocations, ${ops.sqsFifoRequests} SQS FIFO + ${ops.sqsStandardRequests} standard requests`);
  const families = [...meter.writesByKey].sort((a, b) => b[1] - a[1]);
  console.log(`  item writes by key family: ${families.map(([k, n]) => `${n} ${k}`).join(', ')}`);
  const areas = writesByArea(meter.writesByKey);
  const dossierPath = areas.find(([area]) => area === 'dossier')?.[1] ?? 0;
  console.log(`  item writes by area: ${areas.map(([a, n]) => `${a} ${n}`).join(', ')}; the dossier's own state path: ${ratio(dossierPath / lifecycle.stateChanges)} per change`);
  const byFunction = new Map<string, number[]>();
  for (const i of ops.invocations) byFunction.set(i.functionName, [...(byFunction.get(i.functionName) ?? []), i.ms]);
  for (const [name, times] of byFunction) console.log(`    ${name.padEnd(24)} ×${times.length}  ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
  console.log(`  cost per 1M dossiers (USD, ${PRICES_AP_SOUTHEAST_1.takenOn} list prices, ap-southeast-1): ${Object.entries(cost).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
  const putRate = await conditionalPutRate(runtime, seconds);
  const ipn = await measureIpnThroughput(runtime, seconds);
  console.log(`VNPay IPN (replayed success: checksum, lookup, ledger append): ${ipn.requestsPerSecond.toFixed(0)} callbacks/s, p99 ${ipn.p99Ms} ms; emulator conditional PutItem: ${putRate.toFixed(0)}/s`);
  const kpi = await measureKpiReport(runtime);
  console.log(`KPI report, median of 200 GETs: ${kpi.small.toFixed(2)} ms with 1,000 dossiers, ${kpi.large.toFixed(2)} ms with 10,000`);
  return {
    writes: lifecycle.writes,
    stateChanges: lifecycle.stateChanges,
    writesPerChange: lifecycle.writes / lifecycle.stateChanges,
    writesByKeyFamily: Object.fromEntries(families),
    writesByArea: Object.fromEntries(areas),
    dossierPathWritesPerChange: dossierPath / lifecycle.stateChanges,
    operations: { ...ops, invocations: [...byFunction].map(([name, times]) => ({ name, count: times.length, ms: times })) },
    cost,
    ipnPerSecond: ipn.requestsPerSecond,
    conditionalPutsPerSecond: putRate,
    ipnRatio: ipn.requestsPerSecond / putRate,
    kpi,
  };
}

const sizes = await bundlesSection();
const meter = new LifecycleMeter();
// One runtime for every section: handler modules (and their SDK clients) load once per process.
const runtime = await startBenchRuntime({ onInvocation: meter.onInvocation });
meter.attach(runtime);
const throughput = await throughputSection(runtime);
const dossiers = await dossierSection(runtime, meter);
const kpiCity = await (await import('./kpis-city')).kpiCitySection(runtime);
await runtime.stop();

const goals = {
  worstBundleRatio: { value: sizes.worstSize, goal: `<= ${GOALS.bundle}`, met: sizes.worstSize <= GOALS.bundle },
  worstColdImportRatio: { value: sizes.worstCold, goal: `<= ${GOALS.coldImport}`, met: sizes.worstCold <= GOALS.coldImport },
  quoteRatio: { value: throughput.quoteRatio, goal: `>= ${GOALS.quoteThroughput}`, met: throughput.quoteRatio >= GOALS.quoteThroughput },
  ipnToConditionalPutRatio: { value: dossiers.ipnRatio, goal: `>= ${GOALS.ipnToConditionalPut}`, met: dossiers.ipnRatio >= GOALS.ipnToConditionalPut },
  writesPerStateChange: { value: dossiers.writesPerChange, goal: `<= ${GOALS.writesPerChange}`, met: dossiers.writesPerChange <= GOALS.writesPerChange },
  kpiLatencyRatio: { value: dossiers.kpi.ratio, goal: `<= ${GOALS.kpiReport}`, met: dossiers.kpi.ratio <= GOALS.kpiReport },
  kpiCityLatencyRatio: { value: kpiCity.ratio, goal: `<= ${GOALS.kpiReport}`, met: kpiCity.ratio <= GOALS.kpiReport },
  costPerMillionDossiersUsd: { value: dossiers.cost.total, goal: `<= ${GOALS.costPerMillionDossiers}`, met: dossiers.cost.total <= GOALS.costPerMillionDossiers },
};
console.log('\nGoals (ratio or figure, goal, verdict):');
for (const [name, g] of Object.entries(goals)) console.log(`  ${name.padEnd(28)} ${g.value.toFixed(2).padStart(8)}  ${g.goal.padEnd(8)} ${g.met ? 'ok' : 'MISSED'}`);
console.log(`  (quote handler in-process / bare server: ${ratio(throughput.directQuoteRatio)})`);
console.log(`  (writes per state change on the dossier's own path, reactions and payment left out: ${ratio(dossiers.dossierPathWritesPerChange)})`);
if (jsonFile) {
  writeFileSync(resolve(jsonFile), `${JSON.stringify({ at: new Date().toISOString(), goals, bundles: sizes, throughput, dossiers, prices: PRICES_AP_SOUTHEAST_1 }, null, 2)}\n`);
  console.log(`wrote ${jsonFile}`);
}
process.exit(0);
