import { describe, expect, it } from 'vitest';
import { header } from '../../../../../shared/platform/http/types';

describe('Function: header', () => {
  it.each([
    ['a lower-cased name (API Gateway)', { origin: 'https://a.vn' }, 'https://a.vn'],
    ['a name in another case (other callers)', { Origin: 'https://a.vn' }, 'https://a.vn'],
    ['an absent header', { 'content-type': 'application/json' }, undefined],
    ['no headers at all', undefined, undefined],
  ])('answers %s', (_case, headers, expected) => {
    expect(header({ headers: headers as Record<string, string> }, 'Origin')).toBe(expected);
  });
});
