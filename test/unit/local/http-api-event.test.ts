import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpResult } from '../../../shared/platform/http/types';
import { writeHttpApiResult } from '../../../local/http-api-event';

/** A server that writes whatever result the test hands it, to read the answer as a client does. */
let next: (response: ServerResponse) => void = () => undefined;
const server = createServer((_request, response) => next(response));
let url = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function answer(result: HttpResult | string | object) {
  next = (response) => writeHttpApiResult(response, result, { 'apigw-requestid': 'r-1' });
  const res = await fetch(url);
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('Function: writeHttpApiResult', () => {
  it('sends the body with its byte length (no chunked encoding) and lower-cased headers', async () => {
    const body = JSON.stringify({ message: 'Hồ sơ đã thanh toán' });
    const { res, bytes } = await answer({ statusCode: 201, headers: { 'Content-Type': 'application/json', 'X-Count': 3 }, body });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    expect(res.headers.get('transfer-encoding')).toBeNull();
    expect(res.headers.get('x-count')).toBe('3');
    expect(res.headers.get('apigw-requestid')).toBe('r-1');
    expect(bytes.toString('utf8')).toBe(body);
  });

  it('decodes a base64 body and counts its decoded bytes', async () => {
    const { res, bytes } = await answer({ statusCode: 200, headers: { 'content-type': 'application/pdf' }, body: Buffer.from([0, 1, 255]).toString('base64'), isBase64Encoded: true });
    expect(res.headers.get('content-length')).toBe('3');
    expect([...bytes]).toEqual([0, 1, 255]);
  });

  it('answers a bare value as 200 JSON, as API Gateway does', async () => {
    const { res, bytes } = await answer({ total: 5000 });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(bytes.toString('utf8'))).toEqual({ total: 5000 });
  });

  it('sends no body and no length of its own for an answer without one', async () => {
    const { res, bytes } = await answer({ statusCode: 304, headers: { etag: '"x"' } });
    expect(res.status).toBe(304);
    expect(bytes.length).toBe(0);
  });
});
