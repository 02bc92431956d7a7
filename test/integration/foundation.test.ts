import { describe, expect, it } from 'vitest';
import { FeeQuoteSchema } from '../../shared/modules/fees/api/fee-quote';
import { ProcedureSchema } from '../../shared/modules/catalogue/api/procedure';
import { api, devToken } from '../support/api-client';

describe('Local runtime: the first slice over HTTP', () => {
  it('answers GET /v1/health', async () => {
    const res = await api('/v1/health');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'ok', service: 'toantrinh' });
    expect(res.headers.get('x-correlation-id')).toBeTruthy();
  });

  it('serves the OpenAPI document', async () => {
    const res = await api('/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe('3.1.0');
    expect(Object.keys(res.json.paths)).toContain('/v1/fees/quote');
  });

  it('returns an itemised quote for a flat-fee procedure', async () => {
    const res = await api('/v1/fees/quote', { body: { procedureCode: '2.000884', channel: 'online', inputs: { signatures: 2 } } });
    expect(res.status).toBe(200);
    const quote = FeeQuoteSchema.parse(res.json);
    expect(quote).toMatchObject({ total: 10_000, currency: 'VND', scheduleVersion: 'TT226-2016' });
    expect(quote.items).toEqual([expect.objectContaining({ kind: 'fee', code: 'signature_certification', amount: 10_000 })]);
  });

  it.each([
    ['malformed JSON', { rawBody: '{"procedureCode":' }, 'MALFORMED_JSON', undefined],
    ['a wrong type', { body: { procedureCode: '2.000884', channel: 'online', inputs: { pages: '3' } } }, 'VALIDATION_FAILED', 'inputs.pages'],
    ['an unknown field', { body: { procedureCode: '2.000884', channel: 'online', coupon: 'x' } }, 'VALIDATION_FAILED', 'coupon'],
    ['negative pages', { body: { procedureCode: '2.000815', channel: 'online', inputs: { pages: -1 } } }, 'VALIDATION_FAILED', 'inputs.pages'],
  ])('answers %s with 400 in the documented shape', async (_case, request, code, path) => {
    const res = await api('/v1/fees/quote', request);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.json.error).toMatchObject({ code, message: expect.any(String) });
    if (path) expect(res.json.error.details).toContainEqual(expect.objectContaining({ path }));
  });

  it('refuses an unknown procedure with 422 naming procedureCode', async () => {
    const res = await api('/v1/fees/quote', { body: { procedureCode: '9.999999', channel: 'online' } });
    expect(res.status).toBe(422);
    expect(res.json.error.details).toEqual([expect.objectContaining({ path: 'procedureCode' })]);
  });

  it('lists procedures in pages and fetches one', async () => {
    const first = await api('/v1/procedures?limit=3');
    expect(first.status).toBe(200);
    expect(first.json.items).toHaveLength(3);
    first.json.items.forEach((p: unknown) => ProcedureSchema.parse(p));
    const second = await api(`/v1/procedures?limit=3&cursor=${encodeURIComponent(first.json.nextCursor)}`);
    expect(second.json.items[0].code).not.toBe(first.json.items[0].code);
    const one = await api('/v1/procedures/2.000815');
    expect(one.json).toMatchObject({ code: '2.000815', postalReturnAllowed: true, onlineAllowed: true });
    expect((await api('/v1/procedures/0.000000')).status).toBe(404);
    expect((await api('/v1/procedures?cursor=garbage')).status).toBe(400);
  });

  it('mints local tokens and refuses bad token requests', async () => {
    const token = await devToken({ role: 'agency', agency: 'HP-STP' });
    expect(token.split('.')).toHaveLength(3);
    const bad = await api('/v1/dev/tokens', { body: { role: 'citizen', sub: '123' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details).toContainEqual(expect.objectContaining({ path: 'sub' }));
  });

  it('answers an unknown route 404 and a portal preflight with CORS headers', async () => {
    expect((await api('/v1/nope')).status).toBe(404);
    const preflight = await api('/v1/fees/quote', {
      method: 'OPTIONS',
      headers: { origin: 'https://portal.example.vn', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://portal.example.vn');
  });
});
