import { DossierPathSchema } from '../../dossiers';
import { DeliverySchema, PostalWebhookBodySchema, PostalWebhookResultSchema } from './delivery';
import { RegisterDeliveryRequestSchema } from './delivery-request';
import { defineOperation } from '../../../platform/api/operation';
import { SignatureHeadersSchema } from '../../../platform/api/common';
import { getDeliveryExamples, postalWebhookExamples, registerDeliveryExamples } from './examples';

export const registerDeliveryOperation = /* @__PURE__ */ defineOperation({
  operationId: 'registerDelivery',
  method: 'POST',
  path: '/v1/dossiers/{dossierNo}/delivery',
  summary: 'Choose return of the result by post (public postal service); postage is quoted',
  description:
    'The address is a 2025 province code, a commune code of that province and a street. Prepaid postage is added to the amount due ' +
    '(a separate payment when the fees were already paid); postage on delivery goes into the postal order.',
  tags: ['delivery'],
  auth: 'citizen',
  request: { params: DossierPathSchema, body: RegisterDeliveryRequestSchema },
  responses: { 201: { description: 'Registered', schema: DeliverySchema } },
  errors: ['NOT_FOUND', 'CONFLICT', 'POSTAL_RETURN_NOT_ALLOWED', 'BUSINESS_RULE_VIOLATION'],
  examples: registerDeliveryExamples,
});

export const getDeliveryOperation = /* @__PURE__ */ defineOperation({
  operationId: 'getDelivery',
  method: 'GET',
  path: '/v1/dossiers/{dossierNo}/delivery',
  summary: 'Postal return: status, tracking number, postage, who pays, timeline',
  tags: ['delivery'],
  auth: 'citizen_or_agency',
  request: { params: DossierPathSchema },
  responses: { 200: { description: 'The delivery', schema: DeliverySchema } },
  errors: ['NOT_FOUND'],
  examples: getDeliveryExamples,
});

export const postalWebhookOperation = /* @__PURE__ */ defineOperation({
  operationId: 'postalWebhook',
  method: 'POST',
  path: '/v1/callbacks/postal',
  summary: 'Signed delivery-status events from the postal service, one or a batch',
  description: '`X-Signature: t=<unix>,v1=<HMAC-SHA256 of "t.rawBody">`. Each event is deduplicated by eventId; invalid events are reported, valid ones applied.',
  tags: ['callbacks'],
  auth: 'signed',
  request: { headers: SignatureHeadersSchema, body: PostalWebhookBodySchema },
  responses: { 200: { description: 'Result per event', schema: PostalWebhookResultSchema } },
  errors: ['UNAUTHORIZED'],
  examples: postalWebhookExamples,
});
