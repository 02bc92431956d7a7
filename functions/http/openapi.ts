import { apiDocument } from '../../shared/app/system/api-document';
import { docsOperation, openApiOperation } from '../../shared/app/system/operations';
import { docsPage } from '../../shared/app/system/docs-page';
import { base } from '../../shared/app/container/base';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { htmlPageResponse, type HtmlPage } from '../../shared/platform/http/html-page';
import { httpRoute } from '../../shared/platform/http/route';
import { header, type HttpEvent } from '../../shared/platform/http/types';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base] as const;
type Deps = ContainerOf<typeof parts>;

/** Where the caller reached us: the deployment's domain behind API Gateway (HTTPS), the local runtime's host locally. */
function originOf(event: HttpEvent): string | undefined {
  const host = event.requestContext?.domainName ?? header(event, 'host');
  if (!host) return undefined;
  const local = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host);
  return `${header(event, 'x-forwarded-proto') ?? (local ? 'http' : 'https')}://${host}`;
}

/**
 * The API described, twice from one document: `/v1/openapi.json` for machines and `/docs` for people
 * (Redoc, inlined). One function serves both, so the page costs the stack a route, not a function.
 * The document names as its server the origin the caller used; each origin's is built once.
 */
export function makeHandler(container: Deps) {
  const documents = new Map<string, Record<string, unknown>>();
  const pages = new Map<string, HtmlPage>();
  const documentFor = (origin: string | undefined) => {
    const key = origin ?? '';
    let document = documents.get(key);
    if (!document) {
      document = apiDocument({ version: container.serviceVersion, ...(origin ? { serverUrl: origin } : {}) });
      // A few origins at most (the API's domain, the local runtime); anything else is not kept.
      if (documents.size < 8) documents.set(key, document);
    }
    return document;
  };

  const json = httpRoute(openApiOperation, ({ event }) => ({
    statusCode: 200,
    body: documentFor(originOf(event)),
    headers: { 'cache-control': 'public, max-age=300' },
  }), container.routeOptions);

  const docs = httpRoute(docsOperation, ({ event }) => {
    const origin = originOf(event);
    const page = pages.get(origin ?? '') ?? docsPage(documentFor(origin));
    if (pages.size < 8) pages.set(origin ?? '', page);
    return htmlPageResponse(page);
  }, container.routeOptions);

  return (event: HttpEvent, context: Parameters<typeof json>[1]) => (event.routeKey === `GET ${docsOperation.path}` ? docs(event, context) : json(event, context));
}

export const handler = lazyHandler(makeHandler, parts);
