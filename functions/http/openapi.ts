import { apiDocument, originOf, perOrigin } from '../../shared/app/system/api-document';
import { openApiOperation } from '../../shared/app/system/operations';
import { base } from '../../shared/app/container/base';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base] as const;
type Deps = ContainerOf<typeof parts>;

/** The API described for machines. People read the same document at /docs (DocsPage, which carries Redoc). */
export function makeHandler(container: Deps) {
  const documentFor = perOrigin((origin) => apiDocument({ version: container.serviceVersion, ...(origin ? { serverUrl: origin } : {}) }));
  return httpRoute(openApiOperation, ({ event }) => ({
    statusCode: 200,
    body: documentFor(originOf(event)),
    headers: { 'cache-control': 'public, max-age=300' },
  }), container.routeOptions);
}

export const handler = lazyHandler(makeHandler, parts);
