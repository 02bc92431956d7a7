import * as z from '../../../platform/api/zod';
import { FAILURE_REASONS, type FailureReason } from '../domain/failure-reason';
import { TIMELINE_SOURCES, type DeliveryTimelineEntry, type PostagePayer } from '../domain/delivery';
import { PostagePayerSchema } from './postage-payer';
import { AddressSchema } from '../../addresses';
import { InstantSchema, VndSchema, type SameShape } from '../../../platform/api/common';
import { DeliveryStatusSchema, DossierNoSchema } from '../../dossiers';

// Built from the domain's vocabularies, and checked against its types so the two cannot drift.
export { PostagePayerSchema } from './postage-payer';
export type { PostagePayer };

/** Why a postal item could not be delivered (Postal Law 49/2010, Art. 17). */
export const FailureReasonSchema = z.enum(FAILURE_REASONS) satisfies z.ZodMiniType<FailureReason>;

// The request (its phone validated: libphonenumber-js) is its own module; the type is re-exported.
export type { RegisterDeliveryRequest } from './delivery-request';

export const DeliveryTimelineEntrySchema = z.strictObject({
  at: InstantSchema.clone().register(z.globalRegistry, { description: 'when it happened, as the carrier reports it' }),
  receivedAt: InstantSchema,
  status: DeliveryStatusSchema,
  /** false: kept on the timeline without changing the status (late, repeated or impossible). */
  moved: z.boolean(),
  source: z.enum(TIMELINE_SOURCES),
  eventId: z.optional(z.string()),
  reason: z.optional(z.string()),
  location: z.optional(z.string()),
  note: z.optional(z.string()),
}) satisfies z.ZodMiniType<DeliveryTimelineEntry>;
export type { DeliveryTimelineEntry };

/** Both ways: a field added to the domain entry and not to the schema fails to compile. */
export const timelineEntryMatchesDomain: SameShape<z.infer<typeof DeliveryTimelineEntrySchema>, DeliveryTimelineEntry> = true;

export const DeliverySchema = z
  .strictObject({
    deliveryId: z.string(),
    dossierNo: DossierNoSchema,
    status: DeliveryStatusSchema,
    trackingNumber: z.optional(z.string()),
    postage: VndSchema,
    postagePayer: PostagePayerSchema,
    codAmount: VndSchema.clone().register(z.globalRegistry, { description: 'collected from the recipient on delivery' }),
    recipient: z.strictObject({ fullName: z.string(), phone: z.string() }),
    address: AddressSchema,
    addressCheck: z.strictObject({ communeChecked: z.boolean(), note: z.optional(z.string()) }),
    failedAttempts: z.int(),
    timeline: z.array(DeliveryTimelineEntrySchema),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .register(z.globalRegistry, { id: 'Delivery' });
export type DeliveryView = z.infer<typeof DeliverySchema>;

/** One delivery-status event of the postal service's webhook. */
export const PostalWebhookEventSchema = z.strictObject({
  // The carrier's free-text id: hashed for our keys (carrierEventKey), kept raw on the timeline.
  eventId: z.string().check(z.minLength(1), z.maxLength(256)),
  trackingNumber: z.string().check(z.minLength(1), z.maxLength(64)),
  status: z.union([z.string().check(z.minLength(1), z.maxLength(64)), z.int()]).register(z.globalRegistry, { description: 'our status name, a normalised name or the carrier numeric code' }),
  occurredAt: InstantSchema,
  location: z.optional(z.string().check(z.maxLength(200))),
  reason: z.optional(z.union([FailureReasonSchema, z.string().check(z.maxLength(200))])),
});
export type PostalWebhookEvent = z.infer<typeof PostalWebhookEventSchema>;

/** The body is checked event by event, so that a bad event in a batch does not refuse the good ones. */
export const PostalWebhookBodySchema = z
  .union([z.looseObject({}), z.array(z.unknown()).check(z.minLength(1), z.maxLength(100))])
  .register(z.globalRegistry, { id: 'PostalWebhookBody', description: 'one event or an array of up to 100 events' });

export const PostalWebhookResultSchema = z
  .strictObject({
    results: z.array(
      z.strictObject({
        eventId: z.optional(z.string()),
        index: z.int(),
        result: z.enum(['applied', 'recorded', 'duplicate', 'unknown_tracking', 'invalid']),
        error: z.optional(z.string()),
      }),
    ),
  })
  .register(z.globalRegistry, { id: 'PostalWebhookResult' });
