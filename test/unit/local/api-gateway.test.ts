import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpFunction } from '../../../shared/app/functions';
import type { HttpEvent, HttpResult } from '../../../shared/platform/http/types';
import { LocalApiGateway } from '../../../local/api-gateway';
import { DevTokenIssuer } from '../../../local/dev-tokens';

const seen: HttpEvent[] = [];
const echoFunction: HttpFunction = {
  name: 'Echo',
  entry: 'unused',
  access: {},
  trigger: {
    kind: 'http',
    routes: [
      { method: 'POST', path: '/v1/things/{thingId}', auth: 'jwt' },
      { method: 'GET', path: '/v1/things/special', auth: 'none' },
      { method: 'GET', path: '/v1/things/{thingId}', auth: 'none' },
      { method: 'GET', path: '/v1/slow', auth: 'none' },
    ],
  },
  timeoutSeconds: 1,
};

let base = '';
let gateway: LocalApiGateway;
let issuer: DevTokenIssuer;

beforeAll(async () => {
  issuer = await DevTokenIssuer.create();
  gateway = new LocalApiGateway({ port: 0, corsOrigins: ['https://portal.example.vn'], verifyToken: (t) => issuer.verify(t) });
  gateway.addLambda(echoFunction, async (event: HttpEvent): Promise<HttpResult> => {
    seen.push(event);
    if (event.rawPath === '/v1/slow') await new Promise((r) => setTimeout(r, 1500));
    return { statusCode: 201, headers: { 'x-route': event.routeKey }, body: JSON.stringify({ ok: true }) };
  });
  base = await gateway.listen();
});

afterAll(() => gateway.close());

describe('Class: LocalApiGateway', () => {
  it('builds a payload 2.0 event with lower-cased headers, query, path parameters and raw body', async () => {
    seen.length = 0;
    const token = await issuer.mint({ role: 'citizen', sub: '001099012345' });
    const res = await fetch(`${base}/v1/things/a%20b?x=1&x=2&y=z`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'X-Custom': 'v' },
      body: '{"a":1}',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-route')).toBe('POST /v1/things/{thingId}');
    const event = seen[0]!;
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /v1/things/{thingId}',
      rawPath: '/v1/things/a%20b',
      rawQueryString: 'x=1&x=2&y=z',
      queryStringParameters: { x: '1,2', y: 'z' },
      pathParameters: { thingId: 'a b' },
      body: '{"a":1}',
      isBase64Encoded: false,
    });
    expect(event.headers['x-custom']).toBe('v');
    expect(event.requestContext.authorizer?.jwt.claims.sub).toBe('001099012345');
    expect(event.requestContext.authorizer?.jwt.scopes).toEqual(['citizen']);
  });

  it('base64-encodes a binary body as API Gateway does', async () => {
    seen.length = 0;
    const token = await issuer.mint({ role: 'citizen', sub: '001099012345' });
    await fetch(`${base}/v1/things/1`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array([0, 1, 2, 255]),
    });
    expect(seen[0]).toMatchObject({ isBase64Encoded: true, body: Buffer.from([0, 1, 2, 255]).toString('base64') });
  });

  it.each([
    ['no token', undefined],
    ['a malformed token', 'Bearer not-a-jwt'],
    ['a token of another issuer key', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln'],
  ])('refuses a JWT route with %s before the handler runs', async (_case, authorization) => {
    seen.length = 0;
    const res = await fetch(`${base}/v1/things/1`, { method: 'POST', headers: authorization ? { authorization } : {} });
    expect(res.status).toBe(401);
    expect(seen).toHaveLength(0);
  });

  it('refuses an expired token', async () => {
    const expired = await issuer.mint({ role: 'agency', agency: 'HP-STP' }, -10);
    const res = await fetch(`${base}/v1/things/1`, { method: 'POST', headers: { authorization: `Bearer ${expired}` } });
    expect(res.status).toBe(401);
  });

  it.each(['/v1/things/%', '/v1/things/%E0%A4%A', '/v1/things/a%zzb', '/v1/nothing/%'])(
    'answers 400 to a path whose percent-encoding does not decode (%s), as API Gateway does',
    async (path) => {
      seen.length = 0;
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ message: 'Bad Request' });
      expect(seen).toHaveLength(0);
    },
  );

  it('prefers a static route over a parameterised one', async () => {
    const res = await fetch(`${base}/v1/things/special`);
    expect(res.headers.get('x-route')).toBe('GET /v1/things/special');
  });

  it('answers unknown routes 404 and a handler over its timeout 503', async () => {
    expect((await fetch(`${base}/v1/nothing`)).status).toBe(404);
    expect((await fetch(`${base}/v1/slow`)).status).toBe(503);
  });

  it('answers a CORS preflight for a portal origin', async () => {
    const res = await fetch(`${base}/v1/things/1`, {
      method: 'OPTIONS',
      headers: { origin: 'https://portal.example.vn', 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://portal.example.vn');
    expect(res.headers.get('access-control-allow-headers')).toContain('idempotency-key');
  });
});

describe('Class: LocalApiGateway (starting closed)', () => {
  it('answers the API 503 with Retry-After until opened, serves its local routes at once, then the API', async () => {
    const starting = new LocalApiGateway({ port: 0, corsOrigins: [], verifyToken: async () => undefined, startsClosed: true });
    starting.addLocalRoute({ method: 'GET', path: '/sandbox/page', handle: async (_req, res) => void res.writeHead(200).end('page') });
    const url = await starting.listen();
    try {
      // Neither a function already added nor one still loading (no route yet) answers before the runtime opens.
      starting.addLambda(echoFunction, async () => ({ statusCode: 200, body: '{}' }));
      for (const path of ['/v1/things/special', '/v1/not-loaded-yet']) {
        const early = await fetch(`${url}${path}`);
        expect(early.status, path).toBe(503);
        expect(early.headers.get('retry-after')).toBe('1');
      }
      expect((await fetch(`${url}/sandbox/page`)).status).toBe(200);

      starting.open();
      expect((await fetch(`${url}/v1/things/special`)).status).toBe(200);
      expect((await fetch(`${url}/v1/not-loaded-yet`)).status).toBe(404);
    } finally {
      await starting.close();
    }
  });
});
