import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JWTPayload } from 'jose';
import type { HttpEvent, HttpResult } from '../shared/platform/http/types';

/** API Gateway passes these content types as text; anything else arrives base64-encoded. */
const TEXT_TYPES = /^(?:text\/|application\/(?:json|javascript|xml|x-www-form-urlencoded)|[^;]*\+(?:json|xml))/i;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

let cachedSecond = -1;
let cachedTime = '';

/** `21/Nov/2026:06:07:08 +0000`, formatted once per second: every request of that second shares it. */
function requestTime(epochMs: number): string {
  const second = Math.floor(epochMs / 1000);
  if (second !== cachedSecond) {
    const now = new Date(epochMs);
    const pad = (n: number) => String(n).padStart(2, '0');
    cachedTime = `${pad(now.getUTCDate())}/${MONTHS[now.getUTCMonth()]}/${now.getUTCFullYear()}:${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}:${pad(now.getUTCSeconds())} +0000`;
    cachedSecond = second;
  }
  return cachedTime;
}

/** Splits a request target into its path and raw query without a full URL parse. */
export function splitTarget(target: string): { path: string; rawQuery: string } {
  const q = target.indexOf('?');
  return q === -1 ? { path: target, rawQuery: '' } : { path: target.slice(0, q), rawQuery: target.slice(q + 1) };
}

/**
 * Whether every percent-escape of a path decodes (complete `%XX` triplets forming UTF-8). API Gateway
 * answers 400 to a request whose URI does not decode, before any route or authorizer.
 */
export function isDecodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export interface EventInput {
  readonly request: IncomingMessage;
  readonly body: Buffer;
  readonly routeKey: string;
  readonly pathParameters: Record<string, string> | undefined;
  readonly claims: JWTPayload | undefined;
}

/**
 * Turns a Node request into an HTTP API payload format 2.0 event, the way API Gateway does. Built
 * field by field in API Gateway's order, without intermediate objects: it runs on every request.
 */
export function toHttpApiEvent({ request, body, routeKey, pathParameters, claims }: EventInput): HttpEvent {
  const { path, rawQuery } = splitTarget(request.url ?? '/');
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  const given = request.headers;
  for (const name in given) {
    const value = given[name];
    if (value === undefined) continue;
    if (name === 'cookie') (cookies ??= []).push(...String(value).split(/;\s*/));
    else headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  let query: Record<string, string> | undefined;
  if (rawQuery !== '') {
    for (const [key, value] of new URLSearchParams(rawQuery)) {
      query ??= {};
      query[key] = key in query ? `${query[key]},${value}` : value;
    }
  }
  const contentType = headers['content-type'] ?? '';
  const isText = body.length === 0 || TEXT_TYPES.test(contentType);
  const now = Date.now();
  const host = headers.host;
  const event: HttpEvent = { version: '2.0', routeKey, rawPath: path, rawQueryString: rawQuery } as HttpEvent;
  if (cookies) event.cookies = cookies;
  event.headers = headers;
  if (query) event.queryStringParameters = query;
  if (pathParameters) event.pathParameters = pathParameters;
  event.requestContext = {
    accountId: '000000000000',
    apiId: 'local',
    domainName: host ?? '127.0.0.1',
    domainPrefix: host === undefined ? 'local' : firstLabel(host),
    http: {
      method: request.method ?? 'GET',
      path,
      protocol: `HTTP/${request.httpVersion}`,
      sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
      userAgent: headers['user-agent'] ?? '',
    },
    requestId: randomUUID(),
    routeKey,
    stage: '$default',
    time: requestTime(now),
    timeEpoch: now,
  };
  if (claims) event.requestContext.authorizer = authorizerOf(claims);
  if (body.length > 0) event.body = isText ? body.toString('utf8') : body.toString('base64');
  event.isBase64Encoded = body.length > 0 && !isText;
  return event;
}

/** `api` of `api.example.vn`: API Gateway's domain prefix. */
function firstLabel(host: string): string {
  const dot = host.indexOf('.');
  return dot === -1 ? host : host.slice(0, dot);
}

/** The JWT authorizer's part of the request context: the verified claims, objects as JSON text. */
function authorizerOf(claims: JWTPayload): NonNullable<HttpEvent['requestContext']['authorizer']> {
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : undefined;
  return {
    principalId: '',
    integrationLatency: 0,
    jwt: {
      claims: Object.fromEntries(
        Object.entries(claims).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : (v as string | number | boolean)]),
      ),
      scopes: scopes ?? [],
    },
  };
}

/**
 * Writes a Lambda proxy result the way API Gateway's payload 2.0 integration maps it. The body goes
 * out with its `Content-Length`, as API Gateway sends it: one write of head and body, where Node's
 * default chunked encoding would write the chunk's size, the chunk and the last chunk apart.
 */
export function writeHttpApiResult(response: ServerResponse, result: HttpResult | string | object, extraHeaders: Record<string, string> = {}): void {
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    // A bare value is serialised as a 200 JSON answer by API Gateway.
    const text = typeof result === 'string' ? result : JSON.stringify(result);
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...extraHeaders });
    response.end(text);
    return;
  }
  const structured = result as HttpResult;
  const headers: Record<string, string | string[]> = { ...extraHeaders };
  for (const k in structured.headers) headers[k.toLowerCase()] = String(structured.headers[k]);
  if (structured.cookies?.length) headers['set-cookie'] = structured.cookies;
  const text = structured.body ?? '';
  const body = structured.isBase64Encoded ? Buffer.from(text, 'base64') : text;
  const length = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  if (length > 0 && headers['content-length'] === undefined && headers['transfer-encoding'] === undefined) headers['content-length'] = String(length);
  response.writeHead(structured.statusCode ?? 200, headers);
  response.end(body);
}
