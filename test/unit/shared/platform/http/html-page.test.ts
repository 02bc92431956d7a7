import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineOperation } from '../../../../../shared/platform/api/operation';
import { htmlPageResponse, scriptHashSource } from '../../../../../shared/platform/http/html-page';
import { httpRoute } from '../../../../../shared/platform/http/route';
import { httpEvent, lambdaContextStub } from '../../../../support/http-event';

const operation = defineOperation({
  operationId: 'page',
  method: 'GET',
  path: '/page',
  summary: 'a page',
  tags: [],
  auth: 'public',
  request: {},
  responses: { 200: { description: 'The page', contentType: 'text/html; charset=utf-8' } },
});

describe('Function: scriptHashSource', () => {
  // Known answers from `printf '<script>' | openssl dgst -sha256 -binary | base64`.
  it.each([
    ['plain ASCII', 'alert(1)', "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"],
    ['Vietnamese text, hashed as UTF-8', "document.title='Chỉ số dịch vụ công';", "'sha256-Z/+seiuUJsNfheXU6psC8eW+F9+SzZyExhl3WbgSOS0='"],
  ])('is the quoted base64 SHA-256 a browser computes over %s', (_case, script, expected) => {
    expect(scriptHashSource(script)).toBe(expected);
    expect(scriptHashSource(`${script} `)).not.toBe(expected);
  });
});

describe('Function: htmlPageResponse', () => {
  beforeEach(() => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });

  it('answers the page as it is, with its own policy and the headers every public page carries', async () => {
    // Prepare
    const page = { html: '<!doctype html><p>"Xin chào"</p>', contentSecurityPolicy: "default-src 'none'; script-src 'sha256-x'" };
    const route = httpRoute(operation, () => htmlPageResponse(page));
    // Act
    const result = await route(httpEvent({ routeKey: 'GET /page', rawPath: '/page' }), lambdaContextStub);
    // Assess
    expect(result.statusCode).toBe(200);
    expect(result.body).toBe(page.html);
    expect(result.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': page.contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'public, max-age=300',
    });
  });
});
