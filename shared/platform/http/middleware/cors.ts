import { header, type HttpMiddleware } from '../types';

export interface CorsOptions {
  /** Portal origins allowed to call the API from a browser; `*` allows any. */
  readonly origins: readonly string[];
}

/** Adds CORS headers to every answer, errors included, for an allowed portal origin. */
export function cors(options: CorsOptions): HttpMiddleware {
  const allowAny = options.origins.includes('*');
  const allowsNone = options.origins.length === 0;
  const corsAfter: HttpMiddleware['after'] = (request) => {
    // No portal origin configured: no answer ever carries CORS headers, so no header is read.
    if (allowsNone) return;
    const origin = header(request.event, 'origin');
    if (!request.response || !origin || !(allowAny || options.origins.includes(origin))) return;
    request.response.headers = {
      ...request.response.headers,
      'access-control-allow-origin': allowAny ? '*' : origin,
      'access-control-expose-headers': 'x-correlation-id',
      // Kept beside what the answer already varies on (error messages vary on Accept-Language).
      vary: [request.response.headers?.vary, 'Origin'].filter(Boolean).join(', '),
    };
  };
  return { after: corsAfter, onError: corsAfter };
}
