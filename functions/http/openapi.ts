import { buildOpenApiDocument } from '../../shared/api/openapi';
import { Operations } from '../../shared/api/operations';
import { openApiOperation } from '../../shared/api/operations/system';
import { serviceVersion } from '../../shared/config/version';
import { httpRoute } from '../../shared/http/route';

let document: Record<string, unknown> | undefined;

export const handler = httpRoute(openApiOperation, () => {
  document ??= buildOpenApiDocument(Operations, { version: serviceVersion() });
  return { statusCode: 200, body: document, headers: { 'cache-control': 'public, max-age=300' } };
});
