import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalRuntime } from '../local/runtime';
import { toHttpApiEvent } from '../local/http-api-event';
import { lambdaContext } from '../local/lambda-context';
import { createDocumentClient } from '../shared/platform/dynamodb/client';
import { makeHandler as makeQuoteFees } from '../functions/http/quote-fees';

/** Runs `op` on `concurrency` loops for `seconds` and answers completed operations per second. */
async function rate(seconds: number, concurrency: number, op: (i: number) => Promise<void>): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) await op(done++);
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

/**
 * The emulator's own ceiling for what an IPN must do at least once: a conditional PutItem
 * (attribute_not_exists), from a client of its own, 16 at a time like the IPN load.
 */
export async function conditionalPutRate(runtime: LocalRuntime, seconds: number): Promise<number> {
  const client = createDocumentClient(runtime.container.settings.aws);
  const run = randomUUID().slice(0, 8);
  const put = (i: number) =>
    client.send(new PutCommand({ TableName: runtime.tableName, Item: { pk: `BENCH#PUT#${run}#${randomUUID()}`, sk: "X", n: i }, ConditionExpression: 'attribute_not_exists(pk)' })).then(() => undefined);
  await rate(1, 16, put); // warm-up
  return rate(seconds, 16, put);
}

/**
 * The fee-quote handler invoked in-process with an API Gateway event, without the local gateway's
 * HTTP server, JWT check and event building: what the handler and its middleware cost alone.
 */
export async function directQuoteRate(runtime: LocalRuntime, body: string, seconds: number): Promise<number> {
  const handler = makeQuoteFees(runtime.container);
  const request = { url: '/v1/fees/quote', method: 'POST', headers: { 'content-type': 'application/json', host: '127.0.0.1' }, socket: { remoteAddress: '127.0.0.1' } } as unknown as IncomingMessage;
  const event = toHttpApiEvent({ request, body: Buffer.from(body), routeKey: 'POST /v1/fees/quote', pathParameters: undefined, claims: undefined });
  const context = lambdaContext('QuoteFees', 10);
  const once = async () => {
    const result = (await handler(structuredClone(event), context)) as { statusCode: number };
    if (result.statusCode !== 200) throw new Error(`direct quote answered ${result.statusCode}`);
  };
  await rate(1, 32, once);
  return rate(seconds, 32, once);
}
