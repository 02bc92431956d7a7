import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWTPayload } from 'jose';
import type { HttpFunction, HttpMethod, RouteAuth } from '../shared/app/functions';
import type { HttpEvent, HttpResult } from '../shared/platform/http/types';
import { isDecodablePath, splitTarget, toHttpApiEvent, writeHttpApiResult } from './http-api-event';
import { GatewayRoutes } from './gateway-routes';
import { invokeWithTimeout, lambdaContext, LambdaTimeoutError, type LambdaHandler } from './lambda-context';

/** API Gateway's own limit on a request payload. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

export type TokenVerifier = (token: string) => Promise<JWTPayload | undefined>;

/** A route served by the local runtime itself (dev tokens, sandboxes): never deployed. */
export interface LocalRoute {
  readonly method: HttpMethod;
  readonly path: string;
  handle(request: IncomingMessage, response: ServerResponse, body: Buffer, params: Record<string, string>): Promise<void>;
}

type RouteTarget =
  | { kind: 'lambda'; fn: HttpFunction; auth: RouteAuth; handler: LambdaHandler<HttpEvent, HttpResult> }
  | { kind: 'local'; route: LocalRoute };

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

const EMPTY = Buffer.alloc(0);

/** Reads the body with plain stream events: the async iterator costs more than the rest of a request. */
function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PAYLOAD_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_PAYLOAD_BYTES ? undefined : chunks.length === 0 ? EMPTY : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

export interface ApiGatewayOptions {
  readonly port: number;
  readonly corsOrigins: readonly string[];
  readonly verifyToken: TokenVerifier;
  readonly onInvocationError?: (error: unknown) => void;
  /**
   * Answer the API's routes 503 until {@link LocalApiGateway.open} (local routes, the sandboxes, are
   * served at once). The runtime listens before its functions are loaded (their settings need its
   * URL), and a 200 from /v1/health while later routes still answered 404 would tell a waiting
   * script the system is up when it is not.
   */
  readonly startsClosed?: boolean;
}

/**
 * The local stand-in for the deployed HTTP API: the same routes, JWT checks on the same routes,
 * CORS preflight, payload 2.0 events and the same handler modules Lambda runs.
 */
export class LocalApiGateway {
  private readonly routes = new GatewayRoutes<RouteTarget>();
  private server: Server | undefined;
  private opened: boolean;

  constructor(private readonly options: ApiGatewayOptions) {
    this.opened = !options.startsClosed;
  }

  /** Every function is loaded: the API's routes are served from now on. */
  open(): void {
    this.opened = true;
  }

  addLambda(fn: HttpFunction, handler: LambdaHandler<HttpEvent, HttpResult>): void {
    for (const route of fn.trigger.routes) this.routes.add(route.method, route.path, { kind: 'lambda', fn, auth: route.auth, handler });
  }

  addLocalRoute(route: LocalRoute): void {
    this.routes.add(route.method, route.path, { kind: 'local', route });
  }

  async listen(): Promise<string> {
    const server = createServer((request, response) => {
      this.dispatch(request, response).catch((error: unknown) => {
        this.options.onInvocationError?.(error);
        if (!response.headersSent) json(response, 500, { message: 'Internal Server Error' });
        else response.end();
      });
    });
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private corsPreflight(request: IncomingMessage, response: ServerResponse): boolean {
    const origin = request.headers.origin;
    if (request.method !== 'OPTIONS' || !origin || !request.headers['access-control-request-method']) return false;
    const allowed = this.options.corsOrigins.includes('*') || this.options.corsOrigins.includes(origin);
    if (!allowed) {
      response.writeHead(204).end();
      return true;
    }
    response.writeHead(204, {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET,POST,PUT,OPTIONS',
      'access-control-allow-headers': 'content-type,authorization,idempotency-key,x-correlation-id',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
    response.end();
    return true;
  }

  private async dispatch(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { path } = splitTarget(request.url ?? '/');
    // A bad escape would make decodeURIComponent throw below, which used to end as a 500.
    if (!isDecodablePath(path)) return json(response, 400, { message: 'Bad Request' });
    if (this.corsPreflight(request, response)) return;
    const match = this.routes.match(request.method, path);
    if (!this.opened && match?.route.target.kind !== 'local') return json(response, 503, { message: 'Service Unavailable' }, { 'retry-after': '1' });
    if (!match) return json(response, 404, { message: 'Not Found' });
    const { route, params } = match;
    const body = await readBody(request);
    if (body === undefined) return json(response, 413, { message: 'Request Entity Too Large' });
    if (route.target.kind === 'local') return route.target.route.handle(request, response, body, params ?? {});

    const { fn, auth, handler } = route.target;
    let claims: JWTPayload | undefined;
    if (auth === 'jwt') {
      const token = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
      claims = token ? await this.options.verifyToken(token) : undefined;
      if (!claims) return json(response, 401, { message: 'Unauthorized' }, { 'www-authenticate': 'Bearer' });
    }
    const event = toHttpApiEvent({
      request,
      body,
      routeKey: route.routeKey,
      pathParameters: params,
      claims,
    });
    const timeout = fn.timeoutSeconds ?? 10;
    try {
      const result = await invokeWithTimeout(handler, event, lambdaContext(fn.name, timeout, fn.memoryMb), timeout);
      writeHttpApiResult(response, result, { 'apigw-requestid': event.requestContext.requestId });
    } catch (error) {
      this.options.onInvocationError?.(error);
      if (error instanceof LambdaTimeoutError) return json(response, 503, { message: 'Service Unavailable' });
      json(response, 500, { message: 'Internal Server Error' });
    }
  }
}
