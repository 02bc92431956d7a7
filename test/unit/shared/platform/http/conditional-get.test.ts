import { describe, expect, it } from 'vitest';
import { cacheableJson, entityTagOf, noneMatchHits } from '../../../../../shared/platform/http/conditional-get';

const body = { items: [{ code: '31', name: 'Thành phố Hải Phòng' }] };

describe('Function: cacheableJson', () => {
  it('answers 200 with the body, a strong ETag of it and a public max-age', () => {
    const response = cacheableJson(body, undefined, { maxAgeSeconds: 86_400 });
    expect(response).toEqual({ statusCode: 200, body, headers: { etag: entityTagOf(body), 'cache-control': 'public, max-age=86400' } });
    expect(entityTagOf(body)).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
  });

  it('answers 304 without a body to a caller holding the current version', () => {
    const { headers } = cacheableJson(body, undefined, { maxAgeSeconds: 60 });
    expect(cacheableJson(body, headers!.etag, { maxAgeSeconds: 60 })).toEqual({ statusCode: 304, headers });
  });

  it('gives another body another tag, so an imported change is fetched again', () => {
    const changed = { items: [{ code: '31', name: 'Hải Phòng' }] };
    expect(entityTagOf(changed)).not.toBe(entityTagOf(body));
    expect(cacheableJson(changed, entityTagOf(body), { maxAgeSeconds: 60 }).statusCode).toBe(200);
  });
});

describe('Function: noneMatchHits', () => {
  const etag = entityTagOf(body);
  it.each([
    ['the same tag', etag, true],
    ['its weak form', `W/${etag}`, true],
    ['a list holding it', `"other", ${etag}`, true],
    ['*', '*', true],
    ['another tag', '"other"', false],
    ['no header', undefined, false],
    ['the tag without quotes', etag.slice(1, -1), false],
  ])('%s → %s', (_case, header, hits) => {
    expect(noneMatchHits(header, etag)).toBe(hits);
  });
});
