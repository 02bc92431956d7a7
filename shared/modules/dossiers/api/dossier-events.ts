import * as z from '../../../platform/api/zod';
import { ChannelSchema, InstantSchema, VndSchema, type SameShape } from '../../../platform/api/common';
import { POSTAGE_PAYERS, RESULT_KINDS, type DossierEvent } from '../domain/events';
import { DeliveryStatusSchema, DossierNoSchema } from './vocabulary';

export { DeliveryStatusSchema, DossierNoSchema };

// The types are the domain's; re-exported for the callers that read them beside the schemas.
export type { DeliveryStatus, DossierEvent, DossierEventType } from '../domain/events';

const envelope = {
  version: z.literal(1),
  id: z.string().check(z.minLength(8), z.maxLength(128)).register(z.globalRegistry, { description: 'event id: the FIFO deduplication id and the idempotency key of the consumer' }),
  occurredAt: InstantSchema,
  dossierNo: DossierNoSchema,
};

const event = <T extends string, S extends z.core.$ZodLooseShape>(type: T, payload: S) =>
  z.strictObject({ type: z.literal(type), ...envelope, ...payload });

export const DossierRegisteredSchema = event('DossierRegistered', { channel: ChannelSchema, feesTotal: VndSchema });
export const PaymentSucceededSchema = event('PaymentSucceeded', {
  paymentId: z.string().check(z.minLength(1), z.maxLength(128)),
  provider: z.string().check(z.minLength(1), z.maxLength(32)),
  amount: VndSchema,
  paidAt: InstantSchema,
});
export const PaymentFailedSchema = event('PaymentFailed', { paymentId: z.string().check(z.minLength(1), z.maxLength(128)), reason: z.string().check(z.maxLength(200)) });
export const ResultReadySchema = event('ResultReady', {
  kind: z.enum(RESULT_KINDS),
  documentRef: z.optional(z.string().check(z.maxLength(200))),
  issuedAt: InstantSchema,
});
export const ResultCollectedSchema = event('ResultCollected', { collectedAt: InstantSchema });
export const DeliveryStatusChangedSchema = event('DeliveryStatusChanged', {
  deliveryId: z.string().check(z.minLength(1), z.maxLength(128)),
  status: DeliveryStatusSchema,
  reason: z.optional(z.string().check(z.maxLength(200))),
  /** With REQUESTED: the postage quoted and who pays it. */
  postage: z.optional(z.strictObject({ amount: VndSchema, payer: z.enum(POSTAGE_PAYERS) })),
});
export const SupplementRequestedSchema = event('SupplementRequested', { reason: z.string().check(z.maxLength(500)) });
export const SupplementReceivedSchema = event('SupplementReceived', {});
export const DossierWithdrawnSchema = event('DossierWithdrawn', { reason: z.optional(z.string().check(z.maxLength(500))) });
export const DossierRejectedSchema = event('DossierRejected', { reason: z.string().check(z.maxLength(500)) });
export const DossierStoppedSchema = event('DossierStopped', { reason: z.string().check(z.maxLength(500)) });

/** Every message on the dossier FIFO queue (grouped by dossierNo, deduplicated by id). */
export const DossierEventSchema = z.discriminatedUnion('type', [
  DossierRegisteredSchema,
  PaymentSucceededSchema,
  PaymentFailedSchema,
  ResultReadySchema,
  ResultCollectedSchema,
  DeliveryStatusChangedSchema,
  SupplementRequestedSchema,
  SupplementReceivedSchema,
  DossierWithdrawnSchema,
  DossierRejectedSchema,
  DossierStoppedSchema,
]);

/** The schema parses exactly the domain's events: a field added on one side only fails the typecheck. */
export const dossierEventSchemaMatchesDomain: SameShape<z.infer<typeof DossierEventSchema>, DossierEvent> = true;
/** Every event type has a schema, and no schema is for an unknown type. */
export const dossierEventTypesMatchDomain: SameShape<z.infer<typeof DossierEventSchema>['type'], DossierEvent['type']> = true;
