import type { Address } from '../../addresses';
import type { DeliveryStatus, PostagePayer } from '../../dossiers';
import { DeliveryMachine, nextDeliveryStatus } from './status';

/**
 * Who pays the postage: added to the amount due, or collected from the recipient (COD). The dossier
 * owns the type (its events carry it); this list is checked against it both ways, so they cannot drift.
 */
export const POSTAGE_PAYERS = ['prepaid', 'on_delivery'] as const satisfies readonly PostagePayer[];
export type { PostagePayer };
export const postagePayersCoverTheType: Exclude<PostagePayer, (typeof POSTAGE_PAYERS)[number]> extends never ? true : false = true;

/** Where a timeline entry came from. */
export const TIMELINE_SOURCES = ['registration', 'order', 'webhook', 'reconciliation'] as const;
export type TimelineSource = (typeof TIMELINE_SOURCES)[number];

/** One status the delivery went through, or was reported and kept without moving it. */
export interface DeliveryTimelineEntry {
  /** When it happened, as the carrier reports it. */
  readonly at: string;
  readonly receivedAt: string;
  readonly status: DeliveryStatus;
  /** false: kept on the timeline without changing the status (late, repeated or impossible). */
  readonly moved: boolean;
  readonly source: TimelineSource;
  readonly eventId?: string;
  readonly reason?: string;
  readonly location?: string;
  readonly note?: string;
}

/** The postal return of one dossier's result. */
export interface Delivery {
  readonly deliveryId: string;
  readonly dossierNo: string;
  readonly citizenId: string;
  readonly agencyCode: string;
  readonly status: DeliveryStatus;
  readonly trackingNumber?: string;
  readonly postage: number;
  readonly postagePayer: PostagePayer;
  readonly codAmount: number;
  readonly recipient: { readonly fullName: string; readonly phone: string };
  readonly address: Address;
  readonly addressCheck: { readonly communeChecked: boolean; readonly note?: string };
  readonly weightGrams: number;
  readonly failedAttempts: number;
  /** The newest entries (at most TIMELINE_ON_DELIVERY once stored); older ones are archived. */
  readonly timeline: readonly DeliveryTimelineEntry[];
  /** How many older entries are archived outside the delivery item (absent: none). */
  readonly timelineArchived?: number;
  /** When the carrier last reported the status in force (for ordering late reports). */
  readonly statusAt: string;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface CarrierEvent {
  readonly eventId: string;
  readonly status: DeliveryStatus;
  readonly occurredAt: string;
  readonly location?: string;
  readonly reason?: string;
}

export interface CarrierEventResult {
  readonly delivery: Delivery;
  readonly moved: boolean;
}

/**
 * Applies one carrier report. Webhooks are at-least-once and unordered, so a report never moves a
 * delivery backwards, yet every report stays on the timeline. After `maxFailedAttempts` failed
 * attempts the parcel is going back: the delivery becomes RETURNED_TO_AGENCY.
 */
export function applyCarrierEvent(
  delivery: Delivery,
  event: CarrierEvent,
  source: TimelineSource,
  maxFailedAttempts: number,
  now: Date,
): CarrierEventResult {
  const receivedAt = now.toISOString();
  const change = nextDeliveryStatus(delivery.status, event.status, { currentAt: delivery.statusAt, incomingAt: event.occurredAt });
  const entry: DeliveryTimelineEntry = {
    at: event.occurredAt,
    receivedAt,
    status: event.status,
    moved: change.moved,
    source,
    eventId: event.eventId,
    ...(event.reason ? { reason: event.reason } : {}),
    ...(event.location ? { location: event.location } : {}),
    ...(change.reason ? { note: change.reason } : {}),
  };
  let next: Delivery = {
    ...delivery,
    timeline: [...delivery.timeline, entry],
    version: delivery.version + 1,
    updatedAt: receivedAt,
    ...(change.moved ? { status: change.status, statusAt: event.occurredAt } : {}),
  };
  if (change.moved && change.status === 'ATTEMPT_FAILED') {
    next = { ...next, failedAttempts: next.failedAttempts + 1 };
    if (next.failedAttempts >= maxFailedAttempts) {
      const returned = DeliveryMachine.next(next.status, 'AttemptsExhausted');
      next = {
        ...next,
        status: returned,
        timeline: [
          ...next.timeline,
          { at: event.occurredAt, receivedAt, status: returned, moved: true, source, reason: 'absent_after_invitations', note: `${next.failedAttempts} failed attempts` },
        ],
      };
    }
  }
  return { delivery: next, moved: change.moved };
}
