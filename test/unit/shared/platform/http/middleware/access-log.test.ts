import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineOperation } from '../../../../../../shared/platform/api/operation';
import { httpRoute } from '../../../../../../shared/platform/http/route';
import { NotFoundError } from '../../../../../../shared/platform/kernel/errors';
import { logger } from '../../../../../../shared/platform/observability/logger';
import { httpEvent, lambdaContextStub } from '../../../../../support/http-event';
import { captureLogLines } from '../../../../../support/log-lines';

const operation = defineOperation({
  operationId: 'registerThing',
  method: 'PUT',
  path: '/v1/dossiers/{dossierNo}',
  summary: 'register',
  tags: [],
  auth: 'public',
  request: {
    params: z.object({ dossierNo: z.string() }),
    body: z.object({ applicant: z.object({ citizenId: z.string(), phone: z.string() }) }).optional(),
  },
  responses: { 200: { description: 'ok' } },
});

/** The route logs a line of its own, then answers as the request's `x-test-outcome` asks. */
const route = httpRoute(operation, async ({ event }) => {
  logger.info('work done');
  const outcome = event.headers['x-test-outcome'];
  if (outcome === 'missing') throw new NotFoundError('No such dossier');
  if (outcome === 'crash') throw new Error('boom at 0912345678');
  return { statusCode: 200, body: { ok: true } };
});

const SECRET_QUERY = 'vnp_SecureHash=deadbeef&token=s3cret';

function call(options: { dossierNo?: string; outcome?: string; correlationId?: string; body?: unknown } = {}) {
  const dossierNo = options.dossierNo ?? 'H31.26-000123';
  return route(
    httpEvent({
      routeKey: 'PUT /v1/dossiers/{dossierNo}',
      rawPath: `/v1/dossiers/${dossierNo}`,
      rawQueryString: SECRET_QUERY,
      queryStringParameters: Object.fromEntries(new URLSearchParams(SECRET_QUERY)),
      pathParameters: { dossierNo },
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer eyJhbGciOi.secret.token',
        ...(options.outcome ? { 'x-test-outcome': options.outcome } : {}),
        ...(options.correlationId ? { 'x-correlation-id': options.correlationId } : {}),
      },
      ...(options.body ? { body: JSON.stringify(options.body) } : {}),
      requestContext: { ...httpEvent().requestContext, requestId: 'apigw-req-9', http: { ...httpEvent().requestContext.http, method: 'PUT', path: `/v1/dossiers/${dossierNo}` } },
    }),
    lambdaContextStub,
  );
}

const { lines, text } = captureLogLines();
const accessLines = () => lines().filter((l) => l.message === 'api request');

describe('Middleware: accessLog', () => {
  it('writes one line per request: route template, method, status, latency, correlation id and dossier number', async () => {
    // Act
    const result = await call({ correlationId: 'portal-abc-1' });
    // Assess
    expect(result.statusCode).toBe(200);
    expect(accessLines()).toEqual([
      expect.objectContaining({
        level: 'INFO',
        route: 'PUT /v1/dossiers/{dossierNo}',
        method: 'PUT',
        status: 200,
        latencyMs: expect.any(Number),
        correlation_id: 'portal-abc-1',
        dossierNo: 'H31.26-000123',
      }),
    ]);
    expect(accessLines()[0]!.latencyMs as number).toBeGreaterThanOrEqual(0);
  });

  it('puts the inbound correlation id on every line of the request and echoes it in the response', async () => {
    const result = await call({ correlationId: 'portal-abc-2' });

    expect(result.headers?.['x-correlation-id']).toBe('portal-abc-2');
    const mine = lines();
    expect(mine.map((l) => l.message)).toEqual(expect.arrayContaining(['work done', 'api request']));
    for (const line of mine) expect(line).toMatchObject({ correlation_id: 'portal-abc-2', dossierNo: 'H31.26-000123' });
  });

  it('generates the correlation id from the request id when none came in', async () => {
    const result = await call();

    expect(result.headers?.['x-correlation-id']).toBe('apigw-req-9');
    expect(accessLines()[0]).toMatchObject({ correlation_id: 'apigw-req-9' });
  });

  it.each([
    ['a typed error', 'missing', 404],
    ['an unexpected error', 'crash', 500],
  ])('logs the status the caller got for %s', async (_case, outcome, status) => {
    vi.spyOn(logger, 'error').mockImplementation(() => undefined);

    const result = await call({ outcome });

    expect(result.statusCode).toBe(status);
    expect(accessLines()).toEqual([expect.objectContaining({ status, route: 'PUT /v1/dossiers/{dossierNo}', dossierNo: 'H31.26-000123' })]);
  });

  it('logs a request refused before the route ran (bad body) once, with its 4xx', async () => {
    const result = await call({ body: { applicant: 'not an object' } });

    expect(result.statusCode).toBe(400);
    expect(accessLines()).toEqual([expect.objectContaining({ status: 400 })]);
  });

  it('writes no personal data, token or query string, whatever the request carried', async () => {
    await call({ body: { applicant: { citizenId: '001099012345', phone: '0912345678' } } });

    const output = text();
    expect(accessLines()).toHaveLength(1);
    expect(output).not.toMatch(/001099012345|0912345678|s3cret|deadbeef|eyJhbGciOi|vnp_SecureHash/);
  });

  it('keeps request keys to their request: the next one carries its own dossier number, or none', async () => {
    await call({ dossierNo: 'H31.26-000001', correlationId: 'first' });
    await call({ dossierNo: 'H31.26-000002', correlationId: 'second' });
    logger.info('between requests');

    const [first, second] = accessLines();
    expect(first).toMatchObject({ correlation_id: 'first', dossierNo: 'H31.26-000001' });
    expect(second).toMatchObject({ correlation_id: 'second', dossierNo: 'H31.26-000002' });
    const outside = lines().find((l) => l.message === 'between requests');
    expect(outside).not.toHaveProperty('dossierNo');
    expect(outside).not.toHaveProperty('correlation_id');
  });
});
