/**
 * Where the time of a fee quote through the local runtime goes, for chasing the quote-throughput
 * goal: `npx tsx bench/profile-quote.ts [seconds]` loads a bare Node http server, then POST
 * /v1/fees/quote, with autocannon (its own process) while the V8 profiler samples this one, and
 * prints self time in µs per request (idle excluded) by function and by package or file, each beside
 * the bare server's: the difference is what the gateway and the handler add. Nothing is written.
 */
import { Session } from 'node:inspector/promises';
import { REPO_ROOT } from '../local/runtime';
import { silenceSdkNodeVersionWarning } from '../local/quiet-warnings';
import { quoteLoad } from './quote-rounds';
import { load, startBareServer, type LoadSpec } from './throughput';
import { startBenchRuntime } from './bench-runtime';

silenceSdkNodeVersionWarning();
const seconds = Number(process.argv[2] ?? 5);

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

/** Self time in µs per request, by function and by package or file; what the process did while idle is left out. */
interface PerRequest {
  readonly requestsPerSecond: number;
  readonly busyMicros: number;
  readonly byFunction: Map<string, number>;
  readonly bySource: Map<string, number>;
}

/** A file's place in the repository, or the npm package it belongs to. */
const sourceOf = (url: string) => url.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1').replace(`file://${REPO_ROOT}/`, '') || '(native)';

function perRequest(profile: Profile, requests: number, requestsPerSecond: number): PerRequest {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const timeByNode = new Map<number, number>();
  samples.forEach((id, i) => timeByNode.set(id, (timeByNode.get(id) ?? 0) + deltas[i]!));
  const byFunction = new Map<string, number>();
  const bySource = new Map<string, number>();
  let busy = 0;
  for (const { id, callFrame } of profile.nodes) {
    if (callFrame.functionName === '(idle)') continue;
    const time = (timeByNode.get(id) ?? 0) / requests;
    const source = sourceOf(callFrame.url);
    const name = `${callFrame.functionName || '(anonymous)'} ${source}:${callFrame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + time);
    bySource.set(source, (bySource.get(source) ?? 0) + time);
    busy += time;
  }
  return { requestsPerSecond, busyMicros: busy, byFunction, bySource };
}

async function profiled(session: Session, spec: LoadSpec): Promise<PerRequest> {
  await session.post('Profiler.start');
  const result = await load(spec);
  const { profile } = await session.post('Profiler.stop');
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${spec.url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return perRequest(profile, result.requestsPerSecond * spec.seconds, result.requestsPerSecond);
}

function printTop(title: string, quote: Map<string, number>, bare: Map<string, number>, count: number): void {
  console.log(`\n${title}\n  quote µs   bare µs`);
  for (const [name, time] of [...quote].sort((a, b) => b[1] - a[1]).slice(0, count)) {
    console.log(`${time.toFixed(2).padStart(10)}${(bare.get(name) ?? 0).toFixed(2).padStart(10)}  ${name}`);
  }
}

const runtime = await startBenchRuntime();
const bareServer = await startBareServer();
try {
  const quoteSpec = { ...quoteLoad(runtime.baseUrl), seconds };
  const bareSpec = { url: bareServer.url, connections: quoteSpec.connections, seconds };
  await load({ ...quoteSpec, seconds: 2 }); // warm the catalogue cache and the JIT
  await load({ ...bareSpec, seconds: 2 });
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  const bare = await profiled(session, bareSpec);
  const quote = await profiled(session, quoteSpec);
  console.log(`bare Node http server: ${bare.requestsPerSecond.toFixed(0)} req/s, ${bare.busyMicros.toFixed(1)} µs busy per request (profiled)`);
  console.log(`POST /v1/fees/quote:   ${quote.requestsPerSecond.toFixed(0)} req/s, ${quote.busyMicros.toFixed(1)} µs busy per request (profiled)`);
  printTop('Self time per request by function', quote.byFunction, bare.byFunction, 40);
  printTop('Self time per request by package or file', quote.bySource, bare.bySource, 25);
} finally {
  await bareServer.close();
  await runtime.stop();
}
process.exit(0);
