import * as z from '../../platform/api/zod';
import { HealthSchema } from './health';
import { defineOperation } from '../../platform/api/operation';

export const healthOperation = /* @__PURE__ */ defineOperation({
  operationId: 'getHealth',
  method: 'GET',
  path: '/v1/health',
  summary: 'Liveness',
  tags: ['system'],
  auth: 'public',
  request: {},
  responses: { 200: { description: 'The service is up', schema: HealthSchema } },
  examples: { responses: { 200: { status: 'ok', service: 'toantrinh', version: '0.1.0+4e9d746', time: '2026-11-21T02:00:00.000Z' } } },
});

export const openApiOperation = /* @__PURE__ */ defineOperation({
  operationId: 'getOpenApiDocument',
  method: 'GET',
  path: '/v1/openapi.json',
  summary: 'This OpenAPI 3.1 document, generated from the zod schemas',
  tags: ['system'],
  auth: 'public',
  request: {},
  responses: { 200: { description: 'OpenAPI 3.1 document', schema: z.looseObject({ openapi: z.string() }) } },
  examples: { responses: { 200: { openapi: '3.1.0', info: { title: 'toantrinh API', version: '0.1.0+4e9d746' }, servers: [{ url: 'https://api.dichvucong.haiphong.gov.vn' }], paths: {} } } },
});

export const docsOperation = /* @__PURE__ */ defineOperation({
  operationId: 'getApiDocs',
  method: 'GET',
  path: '/docs',
  summary: 'This API reference as a page for people (Redoc over the OpenAPI document; works offline)',
  tags: ['system'],
  auth: 'public',
  request: {},
  responses: { 200: { description: 'The page', contentType: 'text/html; charset=utf-8' } },
});
