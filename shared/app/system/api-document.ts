import { buildOpenApiDocument, type OpenApiOptions } from '../../platform/api/openapi';
import { Operations, Webhooks } from '../operations';
import { API_TAGS, integrationGuide } from './guide';

/**
 * The API's OpenAPI document as served at /v1/openapi.json and /docs: every operation, the webhooks
 * we send, the integration guide in Vietnamese and English, and the sections named in both.
 */
export function apiDocument(options: Pick<OpenApiOptions, 'version' | 'serverUrl'>): Record<string, unknown> {
  return buildOpenApiDocument(Operations, { ...options, guide: integrationGuide(), webhooks: Webhooks, tags: API_TAGS });
}
