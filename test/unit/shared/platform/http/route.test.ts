import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { defineOperation } from '../../../../../shared/platform/api/operation';
import { BusinessRuleError, ConflictError, NotFoundError } from '../../../../../shared/platform/kernel/errors';
import { httpRoute } from '../../../../../shared/platform/http/route';
import { httpEvent, lambdaContextStub } from '../../../../support/http-event';

const operation = defineOperation({
  operationId: 'test',
  method: 'POST',
  path: '/v1/test',
  summary: 'test',
  tags: [],
  auth: 'public',
  request: { body: z.strictObject({ pages: z.int().min(1), applicant: z.strictObject({ phone: z.string() }).optional() }) },
  responses: { 200: { description: 'ok' } },
});

const echo = httpRoute(operation, ({ body }) => ({ statusCode: 200, body }));

async function call(handler: typeof echo, overrides: Parameters<typeof httpEvent>[0]) {
  const result = await handler(httpEvent(overrides), lambdaContextStub);
  return { ...result, json: result.body ? JSON.parse(result.body) : undefined };
}

describe('Function: httpRoute', () => {
  beforeEach(() => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });

  it('passes a valid body to the implementation and answers JSON', async () => {
    const res = await call(echo, { body: '{"pages":3}' });
    expect(res.statusCode).toBe(200);
    expect(res.headers?.['content-type']).toMatch(/^application\/json/);
    expect(res.json).toEqual({ pages: 3 });
  });

  it.each([
    ['malformed JSON', '{"pages":', 400, 'MALFORMED_JSON', undefined],
    ['a wrong type', '{"pages":"3"}', 400, 'VALIDATION_FAILED', 'pages'],
    ['an unknown field', '{"pages":3,"extra":true}', 400, 'VALIDATION_FAILED', 'extra'],
    ['a nested unknown field', '{"pages":3,"applicant":{"phone":"1","x":1}}', 400, 'VALIDATION_FAILED', 'applicant.x'],
    ['a missing body', undefined, 400, 'VALIDATION_FAILED', '(body)'],
    ['a fractional number', '{"pages":1.5}', 400, 'VALIDATION_FAILED', 'pages'],
  ])('answers %s with %i in the documented shape', async (_case, body, status, code, path) => {
    const res = await call(echo, body === undefined ? {} : { body });
    expect(res.statusCode).toBe(status);
    expect(res.json.error.code).toBe(code);
    expect(typeof res.json.error.message).toBe('string');
    if (path) expect(res.json.error.details).toContainEqual(expect.objectContaining({ path }));
  });

  it('refuses a body over the size limit with 413', async () => {
    const big = httpRoute(operation, () => ({ statusCode: 200 }), { maxBodyBytes: 100 });
    const res = await call(big, { body: JSON.stringify({ pages: 1, pad: 'x'.repeat(200) }) });
    expect(res.statusCode).toBe(413);
    expect(res.json.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await call(echo, { body: 'pages=3', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(415);
  });

  it('decodes a base64-encoded body', async () => {
    const res = await call(echo, { body: Buffer.from('{"pages":7}').toString('base64'), isBase64Encoded: true });
    expect(res.json).toEqual({ pages: 7 });
  });

  it.each([
    [new NotFoundError('gone'), 404, 'NOT_FOUND'],
    [new ConflictError('twice'), 409, 'CONFLICT'],
    [new BusinessRuleError('no', { details: [{ path: 'channel', message: 'x' }] }), 422, 'BUSINESS_RULE_VIOLATION'],
  ])('maps %s by its class', async (error, status, code) => {
    const failing = httpRoute(operation, () => {
      throw error;
    });
    const res = await call(failing, { body: '{"pages":1}' });
    expect(res.statusCode).toBe(status);
    expect(res.json.error.code).toBe(code);
  });

  it('answers an unexpected error with a generic 500 that leaks nothing', async () => {
    const failing = httpRoute(operation, () => {
      throw new Error('connect ECONNREFUSED 10.0.0.7:8000 table=secret-table');
    });
    const res = await call(failing, { body: '{"pages":1}' });
    expect(res.statusCode).toBe(500);
    expect(res.json.error.code).toBe('INTERNAL_ERROR');
    expect(res.body).not.toMatch(/ECONNREFUSED|secret-table|10\.0\.0\.7|stack/);
    expect(res.json.error.message).toContain('req-1');
  });

  it('adds CORS headers for a configured portal origin only, errors included', async () => {
    const handler = httpRoute(operation, ({ body }) => ({ statusCode: 200, body }), { corsOrigins: ['https://portal.example.vn'] });
    const allowed = await call(handler, { body: '{"pages":1}', headers: { 'content-type': 'application/json', origin: 'https://portal.example.vn' } });
    const failed = await call(handler, { body: '{', headers: { 'content-type': 'application/json', origin: 'https://portal.example.vn' } });
    const other = await call(handler, { body: '{"pages":1}', headers: { 'content-type': 'application/json', origin: 'https://evil.example' } });
    expect(allowed.headers?.['access-control-allow-origin']).toBe('https://portal.example.vn');
    expect(failed.headers?.['access-control-allow-origin']).toBe('https://portal.example.vn');
    expect(other.headers?.['access-control-allow-origin']).toBeUndefined();
  });

  it('echoes the caller correlation id, or the API Gateway request id', async () => {
    const given = await call(echo, { body: '{"pages":1}', headers: { 'content-type': 'application/json', 'x-correlation-id': 'abc-123' } });
    const generated = await call(echo, { body: '{"pages":1}' });
    expect(given.headers?.['x-correlation-id']).toBe('abc-123');
    expect(generated.headers?.['x-correlation-id']).toBe('req-1');
  });
});

describe('Function: httpRoute authorization', () => {
  const agencyOnly = httpRoute({ ...operation, auth: 'agency' } as const, ({ principal }) => ({ statusCode: 200, body: principal }));

  it('answers 401 without verified claims', async () => {
    const res = await call(agencyOnly, { body: '{"pages":1}' });
    expect(res.statusCode).toBe(401);
  });

  it('answers 403 to a citizen on an agency operation', async () => {
    const res = await call(agencyOnly, { body: '{"pages":1}', claims: { sub: '001099012345', scope: 'citizen' } });
    expect(res.statusCode).toBe(403);
  });

  it('gives the implementation the agency principal', async () => {
    const res = await call(agencyOnly, { body: '{"pages":1}', claims: { sub: 'agency:HP-STP', scope: 'agency', agency: 'HP-STP' } });
    expect(res.json).toEqual({ kind: 'agency', agencyCode: 'HP-STP' });
  });
});
