import * as z from 'zod';
import { FailureReasonSchema } from '../domain/carrier-codes';
import { AddressSchema } from '../../addresses';
import { InstantSchema, printableText, VndSchema } from '../../../platform/api/common';
import { VietnamesePhoneSchema } from '../../dossiers';
import { DeliveryStatusSchema, DossierNoSchema } from '../../dossiers';

export const PostagePayerSchema = z.enum(['prepaid', 'on_delivery']);
export type PostagePayer = z.infer<typeof PostagePayerSchema>;

/**
 * POST /v1/dossiers/{dossierNo}/delivery: return of the result by post.
 * @example {"recipient":{"fullName":"Nguyễn Văn A","phone":"0912345678"},"address":{"provinceCode":"31","communeCode":"11311","street":"12 Lê Lợi"},"postagePayer":"prepaid"}
 */
export const RegisterDeliveryRequestSchema = z
  .strictObject({
    recipient: z.strictObject({ fullName: printableText(200), phone: VietnamesePhoneSchema }),
    address: AddressSchema,
    postagePayer: PostagePayerSchema.default('prepaid'),
  })
  .meta({ id: 'RegisterDeliveryRequest' });
export type RegisterDeliveryRequest = z.infer<typeof RegisterDeliveryRequestSchema>;

export const DeliveryTimelineEntrySchema = z.strictObject({
  at: InstantSchema.meta({ description: 'when it happened, as the carrier reports it' }),
  receivedAt: InstantSchema,
  status: DeliveryStatusSchema,
  /** false: kept on the timeline without changing the status (late, repeated or impossible). */
  moved: z.boolean(),
  source: z.enum(['registration', 'order', 'webhook', 'reconciliation']),
  eventId: z.string().optional(),
  reason: z.string().optional(),
  location: z.string().optional(),
  note: z.string().optional(),
});
export type DeliveryTimelineEntry = z.infer<typeof DeliveryTimelineEntrySchema>;

export const DeliverySchema = z
  .strictObject({
    deliveryId: z.string(),
    dossierNo: DossierNoSchema,
    status: DeliveryStatusSchema,
    trackingNumber: z.string().optional(),
    postage: VndSchema,
    postagePayer: PostagePayerSchema,
    codAmount: VndSchema.meta({ description: 'collected from the recipient on delivery' }),
    recipient: z.strictObject({ fullName: z.string(), phone: z.string() }),
    address: AddressSchema,
    addressCheck: z.strictObject({ communeChecked: z.boolean(), note: z.string().optional() }),
    failedAttempts: z.int(),
    timeline: z.array(DeliveryTimelineEntrySchema),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: 'Delivery' });
export type DeliveryView = z.infer<typeof DeliverySchema>;

/** One delivery-status event of the postal service's webhook. */
export const PostalWebhookEventSchema = z.strictObject({
  // The carrier's free-text id: hashed for our keys (carrierEventKey), kept raw on the timeline.
  eventId: z.string().min(1).max(256),
  trackingNumber: z.string().min(1).max(64),
  status: z.union([z.string().min(1).max(64), z.int()]).meta({ description: 'our status name, a normalised name or the carrier numeric code' }),
  occurredAt: InstantSchema,
  location: z.string().max(200).optional(),
  reason: z.union([FailureReasonSchema, z.string().max(200)]).optional(),
});
export type PostalWebhookEvent = z.infer<typeof PostalWebhookEventSchema>;

/** The body is checked event by event, so that a bad event in a batch does not refuse the good ones. */
export const PostalWebhookBodySchema = z
  .union([z.looseObject({}), z.array(z.unknown()).min(1).max(100)])
  .meta({ id: 'PostalWebhookBody', description: 'one event or an array of up to 100 events' });

export const PostalWebhookResultSchema = z
  .strictObject({
    results: z.array(
      z.strictObject({
        eventId: z.string().optional(),
        index: z.int(),
        result: z.enum(['applied', 'recorded', 'duplicate', 'unknown_tracking', 'invalid']),
        error: z.string().optional(),
      }),
    ),
  })
  .meta({ id: 'PostalWebhookResult' });
