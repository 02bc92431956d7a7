import * as z from 'zod';
import { InstantSchema, pageOf, VndSchema, type SameShape } from '../../../platform/api/common';
import { DossierNoSchema, DossierStatusSchema } from '../../dossiers';
import { WEBHOOK_DELIVERY_STATUSES, type WebhookAttempt } from '../domain/delivery';
import { PORTAL_EVENT_TYPES, PORTAL_EVENT_VERSION, PORTAL_PAYMENT_STATUSES, type PortalWebhookEvent } from '../domain/event';
import { EXAMPLE_EVENT } from './example-event';

/**
 * The body of a status push (version 1): what the portal receives on every dossier status change and
 * every payment outcome. No personal data. Headers: `X-Webhook-Id` (= `id`, deduplicate on it),
 * `X-Webhook-Attempt` (1, 2, …), `X-Signature: t=<unix>,v1=<hex>[,v1=<hex>]`.
 */
export const PortalWebhookEventSchema = z
  .strictObject({
    id: z.string().meta({ description: 'stable id of this change; the same on every retry (deduplicate on it)' }),
    type: z.enum(PORTAL_EVENT_TYPES).meta({ description: 'payment.status_changed for a payment outcome (it carries the dossier status too), else dossier.status_changed' }),
    version: z.literal(PORTAL_EVENT_VERSION),
    occurredAt: InstantSchema.meta({ description: 'when the change was applied (UTC)' }),
    dossierNo: DossierNoSchema,
    agencyCode: z.string(),
    sequence: z.int().min(1).meta({ description: "the change's place in the dossier's history: drop an event whose sequence is not above the last one applied" }),
    status: DossierStatusSchema.meta({ description: "the dossier's status after the change" }),
    previousStatus: DossierStatusSchema.nullable().meta({ description: 'before the change; null for the registration' }),
    payment: z
      .strictObject({
        paymentId: z.string(),
        provider: z.string().optional(),
        amount: VndSchema.optional(),
        status: z.enum(PORTAL_PAYMENT_STATUSES),
        paidAt: InstantSchema.optional(),
        refundReview: z.literal(true).optional().meta({ description: 'money taken when the dossier no longer awaited it: refunded, not counted as paid' }),
      })
      .optional()
      .meta({ description: 'with payment.status_changed' }),
  })
  .meta({ id: 'PortalWebhookEvent', example: EXAMPLE_EVENT });

export const WebhookAttemptSchema = z
  .strictObject({
    attempt: z.int().min(1),
    at: InstantSchema,
    url: z.string().meta({ description: 'scheme, host and path the push went to' }),
    statusCode: z.int().optional().meta({ description: "the portal's HTTP status; absent when it did not answer" }),
    latencyMs: z.int().min(0),
    error: z.string().optional().meta({ description: 'why it did not count (HTTP 503, timeout, ECONNREFUSED…)' }),
    nextAttemptAt: InstantSchema.optional().meta({ description: 'when it is tried again' }),
  })
  .meta({ id: 'WebhookAttempt' });

export const WebhookDeliverySchema = z
  .strictObject({
    webhookId: z.string(),
    dossierNo: DossierNoSchema,
    sequence: z.int().min(1),
    type: z.enum(PORTAL_EVENT_TYPES),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES).meta({ description: 'scheduled (a retry is due), sending (only on deliveries logged before attempts were recorded in one write), delivered (a 2xx), failed (retries spent; in the DLQ). A push is logged with its first attempt.' }),
    event: PortalWebhookEventSchema,
    attempts: z.array(WebhookAttemptSchema),
    nextAttemptAt: InstantSchema.optional(),
    deliveredAt: InstantSchema.optional(),
    gaveUpAt: InstantSchema.optional(),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'WebhookDelivery' });

export const WebhookDeliveryListSchema = pageOf(WebhookDeliverySchema).meta({ id: 'WebhookDeliveryList' });

export const WebhookDeliveriesQuerySchema = z.strictObject({
  dossierNo: DossierNoSchema,
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export type WebhookDeliveryView = z.infer<typeof WebhookDeliverySchema>;

/** Compile-time: the published schemas parse exactly the domain's event and attempt. */
export const eventSchemaMatchesDomain: SameShape<z.infer<typeof PortalWebhookEventSchema>, PortalWebhookEvent> = true;
export const attemptSchemaMatchesDomain: SameShape<z.infer<typeof WebhookAttemptSchema>, WebhookAttempt> = true;
