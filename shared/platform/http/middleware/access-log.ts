import { appendRequestKeys, logger } from '../../observability/logger';
import type { HttpMiddleware, ParsedHttpEvent } from '../types';

export interface AccessLogOptions {
  /** Milliseconds of a monotonic clock; tests pass their own. */
  readonly now?: () => number;
}

const STARTED_AT = 'accessLogStartedAt';
const SUPPRESSED = 'suppressed';

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

  const accessLogBefore: HttpMiddleware['before'] = (request) => {
    // Kept on middy's request (one handler serves several requests at once); nothing is measured
    // when the level suppresses the line.
    (request.internal as Record<string, unknown>)[STARTED_AT] = logger.writes('INFO') ? now() : SUPPRESSED;
    const params = request.event.pathParameters;
    if (!params) return;
    let keys: Record<string, string> | undefined;
    for (const name of REQUEST_KEY_PARAMETERS) {
      const value = params[name];
      if (value) (keys ??= {})[name] = value;
    }
    if (keys) appendRequestKeys(keys);
  };

  const accessLogAfter: HttpMiddleware['after'] = (request) => {
    const started = (request.internal as Record<string, unknown>)[STARTED_AT] as number | typeof SUPPRESSED | undefined;
    // Undefined when an earlier middleware failed before this one started: the line is still due.
    if (started === SUPPRESSED || (started === undefined && !logger.writes('INFO'))) return;
    logger.info('api request', {
      ...requestFields(request.event),
      // No response after an unhandled error means the runtime answers 500.
      status: request.response?.statusCode ?? 500,
      latencyMs: started === undefined ? undefined : Math.round(now() - started),
    });
  };

  return { before: accessLogBefore, after: accessLogAfter, onError: accessLogAfter };
}
