import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { MiddlewareObj } from '@middy/core';

/** API Gateway HTTP API payload 2.0; `requestContext.authorizer` is present only on JWT routes. */
export type HttpEvent = Omit<APIGatewayProxyEventV2WithJWTAuthorizer, 'requestContext'> & {
  requestContext: Omit<APIGatewayProxyEventV2WithJWTAuthorizer['requestContext'], 'authorizer'> & {
    authorizer?: APIGatewayProxyEventV2WithJWTAuthorizer['requestContext']['authorizer'];
  };
};

export type HttpResult = APIGatewayProxyStructuredResultV2;

/** What the JSON body middleware leaves on the event for the route. */
export interface ParsedBody {
  /** The body exactly as received (base64 decoded), for signature checks over raw bytes. */
  rawBody?: string;
  jsonBody?: unknown;
}

export type ParsedHttpEvent = HttpEvent & ParsedBody;

export type HttpMiddleware = MiddlewareObj<ParsedHttpEvent, HttpResult, Error, Context>;

/**
 * Header lookup that ignores case (API Gateway lower-cases them, other callers may not). The
 * lower-cased name is tried first, so an API Gateway event is answered without a scan.
 */
export function header(event: Pick<HttpEvent, 'headers'>, name: string): string | undefined {
  const headers = event.headers;
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  const exact = headers[wanted];
  if (exact !== undefined) return exact;
  for (const key in headers) {
    if (key.toLowerCase() === wanted) return headers[key];
  }
  return undefined;
}
