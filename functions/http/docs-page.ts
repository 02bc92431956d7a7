import { apiDocument, originOf, perOrigin } from '../../shared/app/system/api-document';
import { docsOperation } from '../../shared/app/system/operations';
import { docsPage } from '../../shared/app/system/docs-page';
import { readRedocScript } from '../../shared/app/system/redoc';
import { base } from '../../shared/app/container/base';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { htmlPageResponse, type HtmlPage } from '../../shared/platform/http/html-page';
import { httpRoute } from '../../shared/platform/http/route';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base] as const;
type Deps = ContainerOf<typeof parts>;

/**
 * The API described for people: Redoc over the OpenAPI document, inlined. A function of its own: Redoc
 * is 1.1 MB, and /v1/openapi.json, which portals fetch from code, should not start cold carrying it.
 * Even here the script is not in the bundle but a file beside it (the definition's `files`), read on
 * the first GET /docs and kept; a read that fails is tried again by the next request.
 */
export function makeHandler(container: Deps) {
  let pages: Promise<(origin: string | undefined) => HtmlPage> | undefined;
  const pagesOnce = () =>
    (pages ??= readRedocScript().then(
      (redoc) => perOrigin((origin) => docsPage(apiDocument({ version: container.serviceVersion, ...(origin ? { serverUrl: origin } : {}) }), redoc)),
      (error: unknown) => {
        pages = undefined;
        throw error;
      },
    ));
  return httpRoute(docsOperation, async ({ event }) => htmlPageResponse((await pagesOnce())(originOf(event))), container.routeOptions);
}

export const handler = lazyHandler(makeHandler, parts);
