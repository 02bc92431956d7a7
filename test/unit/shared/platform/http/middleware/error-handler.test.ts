import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { defineOperation } from '../../../../../../shared/platform/api/operation';
import { ErrorCatalogue } from '../../../../../../shared/platform/api/error-catalogue';
import { NotFoundError } from '../../../../../../shared/platform/kernel/errors';
import { MissingInputError } from '../../../../../../shared/modules/fees/domain/errors';
import { httpRoute } from '../../../../../../shared/platform/http/route';
import { httpEvent, lambdaContextStub } from '../../../../../support/http-event';

const operation = defineOperation({
  operationId: 'test',
  method: 'POST',
  path: '/v1/test',
  summary: 'test',
  tags: [],
  auth: 'public',
  request: { body: z.strictObject({ pages: z.int().min(1) }) },
  responses: { 200: { description: 'ok' } },
});

const failingWith = (error: Error) => httpRoute(operation, () => {
  throw error;
}, { corsOrigins: ['https://dichvucong.haiphong.gov.vn'] });

async function call(handler: ReturnType<typeof failingWith>, headers: Record<string, string>, body = '{"pages":1}') {
  const result = await handler(httpEvent({ body, headers: { 'content-type': 'application/json', ...headers } }), lambdaContextStub);
  return { ...result, json: JSON.parse(result.body!) };
}

describe('Middleware: httpErrorHandler', () => {
  beforeEach(() => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });

  it('answers with the message of the code in the caller’s language, the same code and the same field details', async () => {
    const handler = failingWith(new MissingInputError('pages', 'copy_certification'));
    const vi_ = await call(handler, { 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.8' });
    const en = await call(handler, {});
    expect(vi_.json).toEqual({ error: { code: 'MISSING_INPUT', message: ErrorCatalogue.MISSING_INPUT.vi, details: [{ path: 'inputs.pages', message: 'required by fee rule copy_certification' }] } });
    expect(en.json).toEqual({ error: { ...vi_.json.error, message: ErrorCatalogue.MISSING_INPUT.en } });
    expect(vi_.headers?.['content-language']).toBe('vi');
    expect(en.headers?.['content-language']).toBe('en');
  });

  it('says the answer varies on the language and, for a portal, on its origin', async () => {
    const res = await call(failingWith(new NotFoundError('gone')), { 'accept-language': 'vi', origin: 'https://dichvucong.haiphong.gov.vn' });
    expect(res.headers?.vary).toBe('Accept-Language, Origin');
    expect(res.headers?.['access-control-allow-origin']).toBe('https://dichvucong.haiphong.gov.vn');
  });

  it('translates the protocol errors of the body too', async () => {
    const res = await call(failingWith(new Error('never reached')), { 'accept-language': 'vi' }, '{"pages":');
    expect(res.json.error).toEqual({ code: 'MALFORMED_JSON', message: ErrorCatalogue.MALFORMED_JSON.vi });
  });

  it('keeps the reference of an internal error in Vietnamese, and nothing else of it', async () => {
    const res = await call(failingWith(new Error('table=secret-table')), { 'accept-language': 'vi' });
    expect(res.statusCode).toBe(500);
    expect(res.json.error.message).toMatch(/^Đã xảy ra lỗi hệ thống \(mã tham chiếu req-1\)$/);
    expect(res.body).not.toContain('secret-table');
  });
});
