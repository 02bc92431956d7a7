/**
 * Where the time of a fee quote through the local runtime goes, for chasing the quote-throughput
 * goal: `npx tsx bench/profile-quote.ts [seconds]` loads POST /v1/fees/quote with autocannon (its
 * own process) while the V8 profiler samples this one, then prints the self time of the top
 * functions and of each package or file. Nothing is written.
 */
import { Session } from 'node:inspector/promises';
import { resolve } from 'node:path';
import { REPO_ROOT, startLocalRuntime } from '../local/runtime';
import { silenceSdkNodeVersionWarning } from '../local/quiet-warnings';
import { quoteLoad } from './quote-rounds';
import { load } from './throughput';

silenceSdkNodeVersionWarning();
const seconds = Number(process.argv[2] ?? 5);

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

/** A file's place in the repository, or the npm package it belongs to. */
const sourceOf = (url: string) => url.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1').replace(`file://${REPO_ROOT}/`, '') || '(native)';

function selfTimes(nodes: readonly ProfileNode[], samples: readonly number[], deltas: readonly number[]) {
  const timeByNode = new Map<number, number>();
  samples.forEach((id, i) => timeByNode.set(id, (timeByNode.get(id) ?? 0) + deltas[i]!));
  const byFunction = new Map<string, number>();
  const bySource = new Map<string, number>();
  for (const { id, callFrame } of nodes) {
    const time = timeByNode.get(id) ?? 0;
    const source = sourceOf(callFrame.url);
    const name = `${callFrame.functionName || '(anonymous)'} ${source}:${callFrame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + time);
    bySource.set(source, (bySource.get(source) ?? 0) + time);
  }
  return { byFunction, bySource, total: deltas.reduce((a, b) => a + b, 0) };
}

function printTop(title: string, times: Map<string, number>, total: number, count: number): void {
  console.log(`\n${title}`);
  for (const [name, time] of [...times].sort((a, b) => b[1] - a[1]).slice(0, count)) console.log(`${((100 * time) / total).toFixed(1).padStart(6)} %  ${name}`);
}

const runtime = await startLocalRuntime({ port: 0, seedCatalogue: resolve(REPO_ROOT, 'data/catalogue.json'), logLevel: 'WARN', pollWaitSeconds: 1, scheduleIntervalMs: 0 });
try {
  const spec = quoteLoad(runtime.baseUrl);
  await load({ ...spec, seconds: 2 }); // warm the catalogue cache and the JIT
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const result = await load({ ...spec, seconds });
  const { profile } = await session.post('Profiler.stop');
  console.log(`POST /v1/fees/quote: ${result.requestsPerSecond.toFixed(0)} req/s while profiled (${result.non2xx} non-2xx)`);
  const { byFunction, bySource, total } = selfTimes(profile.nodes, profile.samples ?? [], profile.timeDeltas ?? []);
  printTop('Self time by function', byFunction, total, 25);
  printTop('Self time by package or file', bySource, total, 20);
} finally {
  await runtime.stop();
}
process.exit(0);
