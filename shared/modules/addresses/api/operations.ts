import { defineOperation } from '../../../platform/api/operation';
import { listCommunesExamples, listProvincesExamples } from './examples';
import { CommuneListSchema, ConditionalGetHeadersSchema, ProvinceListSchema, ProvincePathSchema } from './units';

/** The lists change once in years; a day's caching, then revalidation with the ETag, is plenty. */
export const UNITS_MAX_AGE_SECONDS = 24 * 60 * 60;

const cachingHeaders = {
  etag: { description: 'version of this list; send it back as If-None-Match', example: '"kq3Vb8c0x1mQ2oR4sT6uW8yA0cE2gI4k"' },
  'cache-control': { description: 'public, cacheable for a day', example: `public, max-age=${UNITS_MAX_AGE_SECONDS}` },
} as const;

const notModified = { description: 'Not modified: the copy the caller holds (If-None-Match) is current; no body', headers: cachingHeaders };

export const listProvincesOperation = /* @__PURE__ */ defineOperation({
  operationId: 'listProvinces',
  method: 'GET',
  path: '/v1/units/provinces',
  summary: 'The 34 provinces (official administrative units since 2025-07-01), for address pickers',
  description:
    'Province codes of the Statistics Office (dispatch 915/CTK-CSCL), as the postal return address takes them. Public and cacheable: answers carry `ETag` and `Cache-Control`; send `If-None-Match` to get 304 while the list is unchanged.',
  tags: ['addresses'],
  auth: 'public',
  request: { headers: ConditionalGetHeadersSchema },
  responses: {
    200: { description: 'Every province, in code order', schema: ProvinceListSchema, headers: cachingHeaders },
    304: notModified,
  },
  errors: ['NOT_FOUND'],
  examples: listProvincesExamples,
});

export const listCommunesOperation = /* @__PURE__ */ defineOperation({
  operationId: 'listCommunes',
  method: 'GET',
  path: '/v1/units/provinces/{provinceCode}/communes',
  summary: "One province's communes, wards and special zones (114 for Hai Phong, code 31)",
  description:
    'Commune codes of the Statistics Office (dispatch 1027/CTK-CSCL), in code order; there are no districts since 2025-07-01. An unknown province answers 404 naming it. Cacheable like the province list.',
  tags: ['addresses'],
  auth: 'public',
  request: { params: ProvincePathSchema, headers: ConditionalGetHeadersSchema },
  responses: {
    200: { description: 'Every commune of the province, in code order', schema: CommuneListSchema, headers: cachingHeaders },
    304: notModified,
  },
  errors: ['NOT_FOUND'],
  examples: listCommunesExamples,
});
