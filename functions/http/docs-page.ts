import { apiDocument, originOf, perOrigin } from '../../shared/app/system/api-document';
import { docsOperation } from '../../shared/app/system/operations';
import { docsPage } from '../../shared/app/system/docs-page';
import { base } from '../../shared/app/container/base';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { htmlPageResponse } from '../../shared/platform/http/html-page';
import { httpRoute } from '../../shared/platform/http/route';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base] as const;
type Deps = ContainerOf<typeof parts>;

/**
 * The API described for people: Redoc over the OpenAPI document, inlined. A function of its own: Redoc
 * is 1.1 MB, and /v1/openapi.json, which portals fetch from code, should not start cold carrying it.
 */
export function makeHandler(container: Deps) {
  const pageFor = perOrigin((origin) => docsPage(apiDocument({ version: container.serviceVersion, ...(origin ? { serverUrl: origin } : {}) })));
  return httpRoute(docsOperation, ({ event }) => htmlPageResponse(pageFor(originOf(event))), container.routeOptions);
}

export const handler = lazyHandler(makeHandler, parts);
