import { buildOpenApiDocument } from '../../shared/platform/api/openapi';
import { Operations } from '../../shared/app/operations';
import { openApiOperation } from '../../shared/app/system/operations';
import { serviceVersion } from '../../shared/platform/config/version';
import { httpRoute } from '../../shared/platform/http/route';

let document: Record<string, unknown> | undefined;

export const handler = httpRoute(openApiOperation, () => {
  document ??= buildOpenApiDocument(Operations, { version: serviceVersion() });
  return { statusCode: 200, body: document, headers: { 'cache-control': 'public, max-age=300' } };
});
