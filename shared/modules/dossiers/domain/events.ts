import type { Channel } from '../../../platform/kernel/vocabulary';

/**
 * The dossier events: every message on the dossier FIFO queue (grouped by dossier number,
 * deduplicated by id). The domain owns them; api/dossier-events.ts builds the schemas from these
 * types and lists and checks that they match.
 */

/** Where a postal return stands, as the dossier records it (the deliveries module moves it). */
export const DELIVERY_STATUSES = [
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
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What a result is: a signed file, or paper to collect or post. */
export const RESULT_KINDS = ['electronic', 'paper'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

/** Who pays the postage of a postal return: with the fees (prepaid) or the postman (on delivery). */
export const POSTAGE_PAYERS = ['prepaid', 'on_delivery'] as const;
export type PostagePayer = (typeof POSTAGE_PAYERS)[number];

export const DOSSIER_EVENT_TYPES = [
  'DossierRegistered',
  'PaymentSucceeded',
  'PaymentFailed',
  'ResultReady',
  'ResultCollected',
  'DeliveryStatusChanged',
  'SupplementRequested',
  'SupplementReceived',
  'DossierWithdrawn',
  'DossierRejected',
  'DossierStopped',
] as const;
export type DossierEventType = (typeof DOSSIER_EVENT_TYPES)[number];

interface Envelope<T extends DossierEventType> {
  readonly type: T;
  readonly version: 1;
  /** The FIFO deduplication id and the consumer's idempotency key. */
  readonly id: string;
  readonly occurredAt: string;
  readonly dossierNo: string;
}

export interface DossierRegistered extends Envelope<'DossierRegistered'> {
  readonly channel: Channel;
  readonly feesTotal: number;
}
export interface PaymentSucceeded extends Envelope<'PaymentSucceeded'> {
  readonly paymentId: string;
  readonly provider: string;
  readonly amount: number;
  readonly paidAt: string;
}
export interface PaymentFailed extends Envelope<'PaymentFailed'> {
  readonly paymentId: string;
  readonly reason: string;
}
export interface ResultReady extends Envelope<'ResultReady'> {
  readonly kind: ResultKind;
  readonly documentRef?: string;
  readonly issuedAt: string;
}
export interface ResultCollected extends Envelope<'ResultCollected'> {
  readonly collectedAt: string;
}
export interface DeliveryStatusChanged extends Envelope<'DeliveryStatusChanged'> {
  readonly deliveryId: string;
  readonly status: DeliveryStatus;
  readonly reason?: string;
  /** With REQUESTED: the postage quoted and who pays it. */
  readonly postage?: { readonly amount: number; readonly payer: PostagePayer };
}
export interface SupplementRequested extends Envelope<'SupplementRequested'> {
  readonly reason: string;
}
export type SupplementReceived = Envelope<'SupplementReceived'>;
export interface DossierWithdrawn extends Envelope<'DossierWithdrawn'> {
  readonly reason?: string;
}
export interface DossierRejected extends Envelope<'DossierRejected'> {
  readonly reason: string;
}
export interface DossierStopped extends Envelope<'DossierStopped'> {
  readonly reason: string;
}

export type DossierEvent =
  | DossierRegistered
  | PaymentSucceeded
  | PaymentFailed
  | ResultReady
  | ResultCollected
  | DeliveryStatusChanged
  | SupplementRequested
  | SupplementReceived
  | DossierWithdrawn
  | DossierRejected
  | DossierStopped;

export type DossierEventOf<T extends DossierEventType> = Extract<DossierEvent, { type: T }>;
