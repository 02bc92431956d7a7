import { appendRequestKeys, logger } from '../../observability/logger';
import type { HttpMiddleware, ParsedHttpEvent } from '../types';

export interface AccessLogOptions {
  /** Milliseconds of a monotonic clock; tests pass their own. */
  readonly now?: () => number;
}

/** Path parameters that name a thing every line of the request is about (never a person). */
const REQUEST_KEY_PARAMETERS = ['dossierNo'] as const;

/** What the access line says of a request: the route template and method, never the raw path or query. */
function requestFields(event: ParsedHttpEvent) {
  return {
    route: event.routeKey,
    method: event.requestContext?.http?.method ?? event.routeKey.split(' ')[0],
  };
}

/**
 * One structured line per API request for operators: route template, method, status, latency and,
 * through the request scope, the correlation id and the dossier number. The route template (not the
 * path) and no query string keep callback secrets and signatures out; no header or body is read, so
 * no personal data is written. Registered right after the correlation id, its after/onError hooks run
 * once the error handler has chosen the status.
 */
export function accessLog(options: AccessLogOptions = {}): HttpMiddleware {
  const now = options.now ?? (() => performance.now());
  // Keyed by middy's request object: one handler serves several requests at once.
  const startedAt = new WeakMap<object, number>();

  const accessLogBefore: HttpMiddleware['before'] = (request) => {
    startedAt.set(request, now());
    const params = request.event.pathParameters ?? {};
    const keys = Object.fromEntries(REQUEST_KEY_PARAMETERS.flatMap((name) => (params[name] ? [[name, params[name]]] : [])));
    if (Object.keys(keys).length > 0) appendRequestKeys(keys);
  };

  const accessLogAfter: HttpMiddleware['after'] = (request) => {
    const started = startedAt.get(request);
    startedAt.delete(request);
    logger.info('api request', {
      ...requestFields(request.event),
      // No response after an unhandled error means the runtime answers 500.
      status: request.response?.statusCode ?? 500,
      latencyMs: started === undefined ? undefined : Math.round(now() - started),
    });
  };

  return { before: accessLogBefore, after: accessLogAfter, onError: accessLogAfter };
}
