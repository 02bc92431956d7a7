/**
 * The quote-throughput goal alone, for before/after comparisons of the HTTP middleware and the local
 * gateway: `npx tsx bench/quote-path.ts [seconds] [rounds]`. Each round loads a bare Node http
 * server and POST /v1/fees/quote through the local runtime (autocannon in its own process), then
 * calls the quote handler in-process; it prints the medians and their ratios to the bare server, and
 * the CPU time this process spent per request under each load.
 * The machine is shared, so compare ratios, not absolutes. Nothing is written.
 */
import { silenceSdkNodeVersionWarning } from '../local/quiet-warnings';
import { measureQuoteRounds } from './quote-rounds';
import { startBenchRuntime } from './bench-runtime';

silenceSdkNodeVersionWarning();
const seconds = Number(process.argv[2] ?? 5);
const rounds = Number(process.argv[3] ?? 3);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const runs = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');

const runtime = await startBenchRuntime();
try {
  const { bareRuns, gatewayRuns, directRuns, bareCpuMicros, gatewayCpuMicros } = await measureQuoteRounds(runtime, seconds, rounds);
  const reference = median(bareRuns);
  console.log(`bare Node http server:        ${reference.toFixed(0)} req/s (runs: ${runs(bareRuns)})`);
  console.log(`quote through the gateway:    ${median(gatewayRuns).toFixed(0)} req/s = ${(median(gatewayRuns) / reference).toFixed(2)}× (runs: ${runs(gatewayRuns)})`);
  // CPU time of this process per request (the load generator runs in its own): steadier than rates
  // on a shared machine, and it says what the gateway and the handler cost beside the bare server.
  console.log(`CPU per request: bare ${median(bareCpuMicros).toFixed(1)} µs, quote through the gateway ${median(gatewayCpuMicros).toFixed(1)} µs`);
  console.log(`quote handler in-process:     ${median(directRuns).toFixed(0)} calls/s = ${(median(directRuns) / reference).toFixed(2)}× (runs: ${runs(directRuns)})`);
} finally {
  await runtime.stop();
}
process.exit(0);
