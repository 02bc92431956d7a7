import * as z from 'zod';
import { ChannelSchema, InstantSchema, VndSchema } from '../../../platform/api/common';

/** Dossier number (mã hồ sơ) as the one-stop systems issue it, e.g. `000.00.31.H26-261121-0001`. */
export const DossierNoSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9.\-_]{2,63}$/, 'must be 3–64 letters, digits, dot, dash or underscore')
  .meta({ example: 'H31.26-261121-0001' });

export const DeliveryStatusSchema = z.enum([
  'REQUESTED',
  'ORDER_CREATED',
  'PICKED_UP',
  'IN_TRANSIT',
  'OUT_FOR_DELIVERY',
  'AVAILABLE_AT_POST_OFFICE',
  'ATTEMPT_FAILED',
  'DELIVERED',
  'RETURNED_TO_AGENCY',
  'CANCELLED',
  'LOST',
]);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

const envelope = {
  version: z.literal(1),
  id: z.string().min(8).max(128).meta({ description: 'event id: the FIFO deduplication id and the idempotency key of the consumer' }),
  occurredAt: InstantSchema,
  dossierNo: DossierNoSchema,
};

const event = <T extends string, S extends z.core.$ZodLooseShape>(type: T, payload: S) =>
  z.strictObject({ type: z.literal(type), ...envelope, ...payload });

export const DossierRegisteredSchema = event('DossierRegistered', { channel: ChannelSchema, feesTotal: VndSchema });
export const PaymentSucceededSchema = event('PaymentSucceeded', {
  paymentId: z.string().min(1).max(128),
  provider: z.string().min(1).max(32),
  amount: VndSchema,
  paidAt: InstantSchema,
});
export const PaymentFailedSchema = event('PaymentFailed', { paymentId: z.string().min(1).max(128), reason: z.string().max(200) });
export const ResultReadySchema = event('ResultReady', {
  kind: z.enum(['electronic', 'paper']),
  documentRef: z.string().max(200).optional(),
  issuedAt: InstantSchema,
});
export const ResultCollectedSchema = event('ResultCollected', { collectedAt: InstantSchema });
export const DeliveryStatusChangedSchema = event('DeliveryStatusChanged', {
  deliveryId: z.string().min(1).max(128),
  status: DeliveryStatusSchema,
  reason: z.string().max(200).optional(),
  /** With REQUESTED: the postage quoted and who pays it. */
  postage: z.strictObject({ amount: VndSchema, payer: z.enum(['prepaid', 'on_delivery']) }).optional(),
});
export const SupplementRequestedSchema = event('SupplementRequested', { reason: z.string().max(500) });
export const SupplementReceivedSchema = event('SupplementReceived', {});
export const DossierWithdrawnSchema = event('DossierWithdrawn', { reason: z.string().max(500).optional() });
export const DossierRejectedSchema = event('DossierRejected', { reason: z.string().max(500) });
export const DossierStoppedSchema = event('DossierStopped', { reason: z.string().max(500) });

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
export type DossierEvent = z.infer<typeof DossierEventSchema>;
export type DossierEventType = DossierEvent['type'];
