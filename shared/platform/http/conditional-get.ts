import { createHash } from 'node:crypto';
import type { RouteResponse } from './route';

/** How long a shared cache or browser may keep an answer before it asks again with its ETag. */
export interface CacheableOptions {
  readonly maxAgeSeconds: number;
}

/** A strong entity tag of a JSON body: the same body always has the same tag, in every function instance. */
export function entityTagOf(body: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 32)}"`;
}

/**
 * Whether an `If-None-Match` header matches a tag (RFC 9110 §13.1.2): `*`, or any listed tag compared
 * weakly (a `W/` prefix is ignored, since a GET may use the weak comparison).
 */
export function noneMatchHits(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/**
 * A public, cacheable JSON answer: 200 with `ETag` and `Cache-Control`, or 304 without a body when the
 * caller already holds this version (its `If-None-Match`). Reference data only: never personal data.
 */
export function cacheableJson(body: unknown, ifNoneMatch: string | undefined, options: CacheableOptions): RouteResponse {
  const etag = entityTagOf(body);
  const headers = { etag, 'cache-control': `public, max-age=${options.maxAgeSeconds}` };
  return noneMatchHits(ifNoneMatch, etag) ? { statusCode: 304, headers } : { statusCode: 200, body, headers };
}
