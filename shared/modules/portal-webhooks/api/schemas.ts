import * as z from '../../../platform/api/zod';
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
    id: z.string().register(z.globalRegistry, { description: 'stable id of this change; the same on every retry (deduplicate on it)' }),
    type: z.enum(PORTAL_EVENT_TYPES).register(z.globalRegistry, { description: 'payment.status_changed for a payment outcome (it carries the dossier status too), else dossier.status_changed' }),
    version: z.literal(PORTAL_EVENT_VERSION),
    occurredAt: InstantSchema.clone().register(z.globalRegistry, { description: 'when the change was applied (UTC)' }),
    dossierNo: DossierNoSchema,
    agencyCode: z.string(),
    sequence: z.int().check(z.gte(1)).register(z.globalRegistry, { description: "the change's place in the dossier's history: drop an event whose sequence is not above the last one applied" }),
    status: DossierStatusSchema.clone().register(z.globalRegistry, { description: "the dossier's status after the change" }),
    previousStatus: z.nullable(DossierStatusSchema).register(z.globalRegistry, { description: 'before the change; null for the registration' }),
    payment: z.optional(z.strictObject({
        paymentId: z.string(),
        provider: z.optional(z.string()),
        amount: z.optional(VndSchema),
        status: z.enum(PORTAL_PAYMENT_STATUSES),
        paidAt: z.optional(InstantSchema),
        refundReview: z.optional(z.literal(true)).register(z.globalRegistry, { description: 'money taken when the dossier no longer awaited it: refunded, not counted as paid' }),
      }))
      .register(z.globalRegistry, { description: 'with payment.status_changed' }),
  })
  .register(z.globalRegistry, { id: 'PortalWebhookEvent', example: EXAMPLE_EVENT });

export const WebhookAttemptSchema = z
  .strictObject({
    attempt: z.int().check(z.gte(1)),
    at: InstantSchema,
    url: z.string().register(z.globalRegistry, { description: 'scheme, host and path the push went to' }),
    statusCode: z.optional(z.int()).register(z.globalRegistry, { description: "the portal's HTTP status; absent when it did not answer" }),
    latencyMs: z.int().check(z.gte(0)),
    error: z.optional(z.string()).register(z.globalRegistry, { description: 'why it did not count (HTTP 503, timeout, ECONNREFUSED…)' }),
    nextAttemptAt: z.optional(InstantSchema).register(z.globalRegistry, { description: 'when it is tried again' }),
  })
  .register(z.globalRegistry, { id: 'WebhookAttempt' });

export const WebhookDeliverySchema = z
  .strictObject({
    webhookId: z.string(),
    dossierNo: DossierNoSchema,
    sequence: z.int().check(z.gte(1)),
    type: z.enum(PORTAL_EVENT_TYPES),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES).register(z.globalRegistry, { description: 'scheduled (a retry is due), sending (only on deliveries logged before attempts were recorded in one write), delivered (a 2xx), failed (retries spent; in the DLQ). A push is logged with its first attempt.' }),
    event: PortalWebhookEventSchema,
    attempts: z.array(WebhookAttemptSchema),
    nextAttemptAt: z.optional(InstantSchema),
    deliveredAt: z.optional(InstantSchema),
    gaveUpAt: z.optional(InstantSchema),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .register(z.globalRegistry, { id: 'WebhookDelivery' });

export const WebhookDeliveryListSchema = pageOf(WebhookDeliverySchema).register(z.globalRegistry, { id: 'WebhookDeliveryList' });

export const WebhookDeliveriesQuerySchema = z.strictObject({
  dossierNo: DossierNoSchema,
  cursor: z.optional(z.string().check(z.maxLength(500))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
});

export type WebhookDeliveryView = z.infer<typeof WebhookDeliverySchema>;

/** Compile-time: the published schemas parse exactly the domain's event and attempt. */
export const eventSchemaMatchesDomain: SameShape<z.infer<typeof PortalWebhookEventSchema>, PortalWebhookEvent> = true;
export const attemptSchemaMatchesDomain: SameShape<z.infer<typeof WebhookAttemptSchema>, WebhookAttempt> = true;
