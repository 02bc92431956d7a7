import { defineOperation } from '../../../platform/api/operation';
import { WebhookDeliveriesQuerySchema, WebhookDeliveryListSchema } from './schemas';
import { listWebhookDeliveriesExamples } from './examples';

export const listWebhookDeliveriesOperation = /* @__PURE__ */ defineOperation({
  operationId: 'listWebhookDeliveries',
  method: 'GET',
  path: '/v1/webhook-deliveries',
  summary: "The status pushes sent to the portal for one of the agency's dossiers, each with every attempt",
  description:
    'On every dossier status change and every payment outcome the portal receives a signed POST (body: PortalWebhookEvent) at its configured URL. ' +
    'Headers: `X-Webhook-Id` (deduplicate on it), `X-Webhook-Attempt`, `X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with one v1 per active ' +
    'secret (two while a secret rotates: accept the request when any v1 matches a secret you hold; refuse a t more than 300 s away). ' +
    'Any 2xx is delivered; anything else is retried 60 s, 5 min, 1 h, 1 day and 2 days later, then given up (status failed). ' +
    'Retries do not keep the order: drop an event whose sequence is not above the last you applied for that dossier.',
  tags: ['webhooks'],
  auth: 'agency',
  request: { query: WebhookDeliveriesQuerySchema },
  responses: { 200: { description: "The dossier's pushes in the order of its changes", schema: WebhookDeliveryListSchema } },
  errors: ['NOT_FOUND'],
  examples: listWebhookDeliveriesExamples,
});
