import type { Context } from 'aws-lambda';
import { inRequestScope, setRequestCorrelationId } from '../../observability/logger';
import { header, type HttpEvent, type HttpMiddleware } from '../types';

const HEADER = 'x-correlation-id';
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;
const INTERNAL_KEY = 'correlationId';

/** The caller's `X-Correlation-Id` when it is a sane token, else API Gateway's request id. */
export function correlationIdOf(event: Pick<HttpEvent, 'headers' | 'requestContext'>): string {
  const given = header(event, HEADER);
  return given && ACCEPTABLE.test(given) ? given : event.requestContext.requestId;
}

/**
 * Carries one id through the logs of every component a request touches, and echoes it on the
 * response. The id is derived once per request and kept on middy's request object (never shared
 * between requests); the log lines get it from the request scope that `withRequestScope` opens
 * around the whole invocation.
 */
export function correlationId(): HttpMiddleware {
  const correlationIdBefore: HttpMiddleware['before'] = (request) => {
    const id = correlationIdOf(request.event);
    (request.internal as Record<string, unknown>)[INTERNAL_KEY] = id;
    setRequestCorrelationId(id);
  };
  const correlationIdAfter: HttpMiddleware['after'] = (request) => {
    if (!request.response) return;
    // Derived again only when the before hook never ran (an earlier middleware failed).
    const id = ((request.internal as Record<string, unknown>)[INTERNAL_KEY] as string | undefined) ?? correlationIdOf(request.event);
    request.response.headers = { ...request.response.headers, [HEADER]: id };
  };
  return { before: correlationIdBefore, after: correlationIdAfter, onError: correlationIdAfter };
}

/** A handler whose every invocation runs in its own log scope, so concurrent requests never share one. */
export function withRequestScope<E, R>(handler: (event: E, context: Context) => Promise<R>): (event: E, context: Context) => Promise<R> {
  return (event, context) => inRequestScope(() => handler(event, context));
}
