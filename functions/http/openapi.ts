import { buildOpenApiDocument } from '../../shared/platform/api/openapi';
import { Operations } from '../../shared/app/operations';
import { openApiOperation } from '../../shared/app/system/operations';
import { base } from '../../shared/app/container/base';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base] as const;
type Deps = ContainerOf<typeof parts>;

export function makeHandler(container: Deps) {
  let document: Record<string, unknown> | undefined;
  return httpRoute(openApiOperation, () => {
    document ??= buildOpenApiDocument(Operations, { version: container.serviceVersion });
    return { statusCode: 200, body: document, headers: { 'cache-control': 'public, max-age=300' } };
  }, container.routeOptions);
}

export const handler = lazyHandler(makeHandler, parts);
