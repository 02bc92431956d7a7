/**
 * How far the quote-throughput goal can go on this machine, whatever the local gateway does:
 * `npx tsx bench/quote-ceiling.ts [seconds] [rounds]`. Each round loads, with autocannon in its own
 * process, four servers in this process:
 * - bare: the reference of the goal (GET, a small JSON answer);
 * - floor: reads the quote's POST body and sends the quote's recorded answer with the gateway's
 *   headers, doing nothing else: what HTTP alone costs for this exchange;
 * - ceiling: the floor plus a busy wait as long as the quote handler takes in-process (measured here,
 *   CPU µs per call, one call at a time): a gateway that cost nothing in front of this handler;
 * - direct: the real handler behind a minimal server (the event built, the handler called, its result
 *   written; no routing, JWT, timeout or body promise): the gateway's own share is gateway − direct;
 * - gateway: the quote through the local runtime.
 * It prints the medians (req/s, ratio to bare, CPU µs per request of this process). Nothing is written.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { silenceSdkNodeVersionWarning } from '../local/quiet-warnings';
import { toHttpApiEvent, writeHttpApiResult } from '../local/http-api-event';
import { lambdaContext } from '../local/lambda-context';
import { makeHandler as makeQuoteFees } from '../functions/http/quote-fees';
import { QUOTE_BODY, quoteLoad } from './quote-rounds';
import { load, startBareServer, type LoadSpec } from './throughput';
import { startBenchRuntime } from './bench-runtime';

silenceSdkNodeVersionWarning();
const seconds = Number(process.argv[2] ?? 4);
const rounds = Number(process.argv[3] ?? 3);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
type QuoteHandler = ReturnType<typeof makeQuoteFees>;
const cpuMicros = ({ user, system }: NodeJS.CpuUsage) => user + system;

/** CPU µs of one in-process quote handler call on a fresh event (no HTTP, no gateway). */
async function handlerMicros(handler: QuoteHandler): Promise<number> {
  const body = Buffer.from(QUOTE_BODY);
  const request = { url: '/v1/fees/quote', method: 'POST', httpVersion: '1.1', headers: { 'content-type': 'application/json', host: '127.0.0.1' }, socket: { remoteAddress: '127.0.0.1' } } as unknown as IncomingMessage;
  const call = () => handler(toHttpApiEvent({ request, body, routeKey: 'POST /v1/fees/quote', pathParameters: undefined, claims: undefined }), lambdaContext('QuoteFees', 10));
  for (let i = 0; i < 5000; i++) await call();
  const runs: number[] = [];
  for (let run = 0; run < 5; run++) {
    const cpu = process.cpuUsage();
    for (let i = 0; i < 20000; i++) await call();
    runs.push(cpuMicros(process.cpuUsage(cpu)) / 20000);
  }
  return median(runs);
}

/** A server that reads the body, waits `busyMicros` on the CPU, and sends the recorded answer. */
async function answeringServer(answer: string, busyMicros: number): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    request.on('data', () => undefined);
    request.on('end', () => {
      void Promise.resolve().then(() => {
        const until = performance.now() + busyMicros / 1000;
        while (performance.now() < until);
        response.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'x-correlation-id': crypto.randomUUID(),
          'apigw-requestid': crypto.randomUUID(),
          'content-length': String(Buffer.byteLength(answer)),
        });
        response.end(answer);
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/fees/quote`, server };
}

/** The handler behind the least a server must do to call it as API Gateway would. */
async function directServer(handler: QuoteHandler): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const event = toHttpApiEvent({ request, body: Buffer.concat(chunks), routeKey: 'POST /v1/fees/quote', pathParameters: undefined, claims: undefined });
      void handler(event, lambdaContext('QuoteFees', 10)).then((result) => writeHttpApiResult(response, result, { 'apigw-requestid': event.requestContext.requestId }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/fees/quote`, server };
}

const runtime = await startBenchRuntime();
const bare = await startBareServer();
const servers: Server[] = [];
try {
  const quote = quoteLoad(runtime.baseUrl);
  const answer = await (await fetch(quote.url, { method: 'POST', body: QUOTE_BODY, headers: quote.headers })).text();
  const handler = makeQuoteFees(runtime.container);
  const busy = await handlerMicros(handler);
  const floor = await answeringServer(answer, 0);
  const ceiling = await answeringServer(answer, busy);
  const direct = await directServer(handler);
  servers.push(floor.server, ceiling.server, direct.server);
  const specs: Record<string, Omit<LoadSpec, 'seconds'>> = {
    bare: { url: bare.url, connections: quote.connections },
    floor: { ...quote, url: floor.url },
    ceiling: { ...quote, url: ceiling.url },
    direct: { ...quote, url: direct.url },
    gateway: quote,
  };
  for (const spec of Object.values(specs)) await load({ ...spec, seconds: 2 }); // warm the JIT and the catalogue cache
  const rates: Record<string, number[]> = {};
  const cpu: Record<string, number[]> = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, spec] of Object.entries(specs)) {
      const before = process.cpuUsage();
      const result = await load({ ...spec, seconds });
      if (result.non2xx > 0 || result.errors > 0) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
      (rates[name] ??= []).push(result.requestsPerSecond);
      (cpu[name] ??= []).push(cpuMicros(process.cpuUsage(before)) / (result.requestsPerSecond * seconds));
    }
  }
  const reference = median(rates.bare!);
  console.log(`quote handler in-process: ${busy.toFixed(1)} CPU µs per call (the ceiling server waits as long)`);
  for (const name of Object.keys(specs)) {
    console.log(`${name.padEnd(8)} ${median(rates[name]!).toFixed(0).padStart(6)} req/s = ${(median(rates[name]!) / reference).toFixed(2)}×, ${median(cpu[name]!).toFixed(1)} CPU µs per request`);
  }
} finally {
  for (const server of servers) server.close();
  await bare.close();
  await runtime.stop();
}
process.exit(0);
