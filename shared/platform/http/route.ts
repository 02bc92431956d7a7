import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type * as z from '../api/zod';
import { logger } from '../observability/logger';
import type { OperationDefinition } from '../api/operation';
import { accessLog } from './middleware/access-log';
import { correlationId, withRequestScope } from './middleware/correlation-id';
import { cors } from './middleware/cors';
import { httpErrorHandler } from './middleware/error-handler';
import { jsonBody } from './middleware/json-body';
import { logContext } from './middleware/log-context';
import { authorize, principalOf, type Principal } from './principal';
import type { HttpEvent, HttpResult, ParsedHttpEvent } from './types';
import { parseOrThrow } from './validation';

type Parsed<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

export interface RouteInput<Op extends OperationDefinition> {
  readonly body: Parsed<Op['request']['body']>;
  readonly query: Parsed<Op['request']['query']>;
  readonly params: Parsed<Op['request']['params']>;
  readonly headers: Parsed<Op['request']['headers']>;
  readonly principal: Principal;
  /** The body as received, for signature verification. */
  readonly rawBody: string | undefined;
  readonly event: HttpEvent;
}

export interface RouteResponse {
  readonly statusCode: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export type RouteImplementation<Op extends OperationDefinition> = (
  input: RouteInput<Op>,
  context: Context,
) => Promise<RouteResponse> | RouteResponse;

export interface RouteOptions {
  readonly maxBodyBytes?: number;
  /** Runs before validation: callbacks check their signature over the raw body first. */
  readonly before?: (event: ParsedHttpEvent) => Promise<void> | void;
  /** Portal origins answered with CORS headers (the container's settings); none when absent. */
  readonly corsOrigins?: readonly string[];
}

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** The headers with lower-cased names, as the operation's header schema reads them. */
function lowerCased(headers: ParsedHttpEvent['headers'] | undefined): Record<string, string | undefined> {
  const copy: Record<string, string | undefined> = {};
  for (const name in headers) copy[name.toLowerCase()] = headers[name];
  return copy;
}

// Written without per-call closures or intermediate objects: this runs on every request.
function routeInput<Op extends OperationDefinition>(operation: Op, event: ParsedHttpEvent, principal: Principal): RouteInput<Op> {
  const { request } = operation;
  return {
    params: request.params ? parseOrThrow(request.params, event.pathParameters ?? {}) : undefined,
    query: request.query ? parseOrThrow(request.query, event.queryStringParameters ?? {}) : undefined,
    // Copied only for an operation that declares headers.
    headers: request.headers ? parseOrThrow(request.headers, lowerCased(event.headers)) : undefined,
    body: request.body ? parseOrThrow(request.body, event.jsonBody) : undefined,
    principal,
    rawBody: event.rawBody,
    event,
  } as RouteInput<Op>;
}

function toResult(response: RouteResponse): HttpResult {
  if (response.body === undefined) return { statusCode: response.statusCode, headers: { ...response.headers } };
  // A route that names its own content type (CSV, an HTML page) sends its text as it is.
  const contentType = response.headers?.['content-type'];
  if (typeof response.body === 'string' && contentType !== undefined && !contentType.startsWith('application/json')) {
    return { statusCode: response.statusCode, headers: { ...response.headers }, body: response.body };
  }
  return {
    statusCode: response.statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', ...response.headers },
    body: JSON.stringify(response.body),
  };
}

/**
 * A Lambda handler for one API operation: logging with a correlation id and one access line per
 * request, CORS, JSON body with a size limit, validation by the operation's zod schemas, the caller's
 * role, and typed errors mapped to the documented error shape. The implementation only maps input to
 * a domain call and back.
 */
export function httpRoute<const Op extends OperationDefinition>(
  operation: Op,
  implementation: RouteImplementation<Op>,
  options: RouteOptions = {},
) {
  const handler = middy<ParsedHttpEvent, HttpResult, Error, Context>()
    .use(logContext(logger))
    .use(correlationId())
    .use(accessLog())
    .use(cors({ origins: options.corsOrigins ?? [] }))
    .use(httpErrorHandler())
    .use(jsonBody({ maxBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES }))
    .handler(async (event, context) => {
      const principal = principalOf(event);
      authorize(operation.auth, principal);
      // Awaited only when there is one: an await of nothing still costs the request a turn.
      if (options.before) await options.before(event);
      return toResult(await implementation(routeInput(operation, event, principal), context));
    });
  return withRequestScope(handler);
}
