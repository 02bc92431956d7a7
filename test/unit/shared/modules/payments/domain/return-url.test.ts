import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../../../../shared/platform/kernel/errors';
import { acceptReturnUrl, returnUrlProblem } from '../../../../../../shared/modules/payments/domain/return-url';

const ORIGINS = ['https://portal.example.vn', 'http://localhost:5173', 'http://127.0.0.1:5173'];

describe('returnUrl: a configured portal origin, https, no userinfo', () => {
  it.each([
    'https://portal.example.vn/thanh-toan/ket-qua',
    'https://portal.example.vn/ket-qua?ho-so=H31#top',
    'https://PORTAL.example.vn:443/ket-qua',
    'http://localhost:5173/result',
    'http://127.0.0.1:5173/result',
  ])('accepts %s', (url) => {
    expect(returnUrlProblem(url, ORIGINS)).toBeUndefined();
  });

  it.each([
    ['http on a public host', 'http://portal.example.vn/ket-qua', ['http://portal.example.vn']],
    ['another host', 'https://evil.example/ket-qua', ORIGINS],
    ['a look-alike host', 'https://portal.example.vn.evil.com/ket-qua', ORIGINS],
    ['userinfo before another host', 'http://portal.example.vn@evil.example/ket-qua', ORIGINS],
    ['userinfo on the portal itself', 'https://user:pw@portal.example.vn/ket-qua', ORIGINS],
    ['javascript:', 'javascript:alert(1)', ORIGINS],
    ['a protocol-relative URL', '//evil.example/ket-qua', ORIGINS],
    ['a relative path', '/ket-qua', ORIGINS],
    ['another port', 'https://portal.example.vn:8443/ket-qua', ORIGINS],
    ['a wildcard origin list', 'https://anything.example/ket-qua', ['*']],
    ['no origin configured', 'https://portal.example.vn/ket-qua', []],
  ])('refuses %s', (_case, url, origins) => {
    expect(returnUrlProblem(url, origins)).toEqual(expect.any(String));
  });

  it('answers a 400 naming the field returnUrl, and stores the URL as browsers read it', () => {
    const error = (() => {
      try {
        acceptReturnUrl('https://portal.example.vn@evil.example/', ORIGINS);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).details).toEqual([{ path: 'returnUrl', message: expect.stringMatching(/user name/) }]);
    expect(acceptReturnUrl('https://PORTAL.example.vn/a b', ORIGINS)).toBe('https://portal.example.vn/a%20b');
  });
});
