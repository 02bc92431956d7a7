import type { LocalRuntime } from '../local/runtime';
import { directQuoteRate } from './references';
import { load, startBareServer, type LoadSpec } from './throughput';

/** The fee quote every throughput figure loads: a procedure with pages and copies, 32 connections. */
export const QUOTE_BODY = JSON.stringify({ procedureCode: '2.000815', channel: 'online', inputs: { pages: 10, copies: 3 } });

export function quoteLoad(baseUrl: string): Omit<LoadSpec, 'seconds'> {
  return { url: `${baseUrl}/v1/fees/quote`, method: 'POST', body: QUOTE_BODY, headers: { 'content-type': 'application/json' }, connections: 32 };
}

export interface QuoteRounds {
  /** Per round: the bare server, the quote through the gateway (req/s), the handler in-process (calls/s). */
  readonly bareRuns: number[];
  readonly gatewayRuns: number[];
  readonly directRuns: number[];
  /** CPU µs of this process per request under each load (the load generator runs in its own). */
  readonly bareCpuMicros: number[];
  readonly gatewayCpuMicros: number[];
  readonly worstP99Ms: number;
}

const cpuMicros = ({ user, system }: NodeJS.CpuUsage) => user + system;

/**
 * The quote-throughput measurement: a bare Node http server and the quote through the local
 * runtime, loaded in alternating rounds (two cores are shared with the load generator, so single
 * runs swing widely: callers take medians), and the handler called in-process each round.
 */
export async function measureQuoteRounds(runtime: LocalRuntime, seconds: number, rounds: number): Promise<QuoteRounds> {
  const bare = await startBareServer();
  try {
    const quoteSpec = quoteLoad(runtime.baseUrl);
    await load({ ...quoteSpec, seconds: 2 }); // warm the catalogue cache and the JIT
    await load({ url: bare.url, seconds: 2, connections: 32 });
    const result: QuoteRounds = { bareRuns: [], gatewayRuns: [], directRuns: [], bareCpuMicros: [], gatewayCpuMicros: [], worstP99Ms: 0 };
    let worstP99Ms = 0;
    for (let round = 0; round < rounds; round++) {
      let cpu = process.cpuUsage();
      const reference = await load({ url: bare.url, seconds, connections: 32 });
      result.bareCpuMicros.push(cpuMicros(process.cpuUsage(cpu)) / (reference.requestsPerSecond * seconds));
      result.bareRuns.push(reference.requestsPerSecond);
      cpu = process.cpuUsage();
      const quote = await load({ ...quoteSpec, seconds });
      result.gatewayCpuMicros.push(cpuMicros(process.cpuUsage(cpu)) / (quote.requestsPerSecond * seconds));
      if (quote.non2xx > 0 || quote.errors > 0) throw new Error(`quote load had ${quote.non2xx} non-2xx and ${quote.errors} errors`);
      result.gatewayRuns.push(quote.requestsPerSecond);
      worstP99Ms = Math.max(worstP99Ms, quote.p99Ms);
      result.directRuns.push(await directQuoteRate(runtime, QUOTE_BODY, seconds));
    }
    return { ...result, worstP99Ms };
  } finally {
    await bare.close();
  }
}
