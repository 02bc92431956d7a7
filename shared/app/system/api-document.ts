import { buildOpenApiDocument, type OpenApiOptions } from '../../platform/api/openapi';
import { header, type HttpEvent } from '../../platform/http/types';
import { Operations, Webhooks } from '../operations';
import { API_TAGS, integrationGuide } from './guide';

/**
 * The API's OpenAPI document as served at /v1/openapi.json and /docs: every operation, the webhooks
 * we send, the integration guide in Vietnamese and English, and the sections named in both.
 */
export function apiDocument(options: Pick<OpenApiOptions, 'version' | 'serverUrl'>): Record<string, unknown> {
  return buildOpenApiDocument(Operations, { ...options, guide: integrationGuide(), webhooks: Webhooks, tags: API_TAGS });
}

/** Where the caller reached us: the deployment's domain behind API Gateway (HTTPS), the local runtime's host locally. */
export function originOf(event: HttpEvent): string | undefined {
  const host = event.requestContext?.domainName ?? header(event, 'host');
  if (!host) return undefined;
  const local = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host);
  return `${header(event, 'x-forwarded-proto') ?? (local ? 'http' : 'https')}://${host}`;
}

/**
 * `build(origin)` once per origin the callers use: the document names as its server the origin the
 * caller used. A few origins at most (the API's domain, the local runtime); past 8, nothing is kept.
 */
export function perOrigin<T>(build: (origin: string | undefined) => T): (origin: string | undefined) => T {
  const built = new Map<string, T>();
  return (origin) => {
    const key = origin ?? '';
    const found = built.get(key);
    if (found !== undefined) return found;
    const value = build(origin);
    if (built.size < 8) built.set(key, value);
    return value;
  };
}
