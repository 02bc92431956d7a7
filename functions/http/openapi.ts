import { buildOpenApiDocument } from '../../shared/platform/api/openapi';
import { Operations } from '../../shared/app/operations';
import { openApiOperation } from '../../shared/app/system/operations';
import type { Container } from '../../shared/app/container';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';

export function makeHandler(container: Container) {
  let document: Record<string, unknown> | undefined;
  return httpRoute(openApiOperation, () => {
    document ??= buildOpenApiDocument(Operations, { version: container.serviceVersion });
    return { statusCode: 200, body: document, headers: { 'cache-control': 'public, max-age=300' } };
  }, container.routeOptions);
}

export const handler = lazyHandler(makeHandler);
