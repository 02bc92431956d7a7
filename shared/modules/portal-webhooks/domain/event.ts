import { createHash } from 'node:crypto';
import type { Dossier, DossierEvent } from '../../dossiers';

/**
 * What the portal is told, version 1: a dossier's status moved, or one of its payments ended
 * (succeeded, failed, expired, cancelled). Built only from the dossier's timeline and the event, so
 * the same event always gives the same body, however late the reaction runs. No personal data: no
 * name, citizen id, phone, e-mail or address, only numbers, codes, statuses and times.
 */
export const PORTAL_EVENT_TYPES = ['dossier.status_changed', 'payment.status_changed'] as const;
export type PortalEventType = (typeof PORTAL_EVENT_TYPES)[number];

export const PORTAL_EVENT_VERSION = 1 as const;

/** A payment's outcome as the portal sees it (the payments module's end states). */
export const PORTAL_PAYMENT_STATUSES = ['succeeded', 'failed', 'expired', 'cancelled'] as const;
export type PortalPaymentStatus = (typeof PORTAL_PAYMENT_STATUSES)[number];

type DossierStatus = Dossier['status'];

export interface PortalEventPayment {
  readonly paymentId: string;
  readonly provider?: string;
  /** Integer VND. */
  readonly amount?: number;
  readonly status: PortalPaymentStatus;
  readonly paidAt?: string;
  /** Money taken when the dossier no longer awaited it: it will be refunded, it does not count as paid. */
  readonly refundReview?: true;
}

export interface PortalWebhookEvent {
  /** Stable: the same change always has the same id (also the X-Webhook-Id header). Deduplicate on it. */
  readonly id: string;
  readonly type: PortalEventType;
  readonly version: typeof PORTAL_EVENT_VERSION;
  /** When the change was applied, UTC. */
  readonly occurredAt: string;
  readonly dossierNo: string;
  readonly agencyCode: string;
  /**
   * The change's place in the dossier's history (1, 2, …; grows with every change). Retries do not
   * keep the order, so a receiver drops an event whose sequence is not above the last it applied.
   */
  readonly sequence: number;
  /** The dossier's status after the change. */
  readonly status: DossierStatus;
  /** Its status before (null for the registration). */
  readonly previousStatus: DossierStatus | null;
  readonly payment?: PortalEventPayment;
}

/** The webhook id of a dossier's n-th change: opaque, stable, unique across dossiers. */
export function portalEventId(dossierNo: string, sequence: number): string {
  return `evt_${createHash('sha256').update(`${dossierNo}#${sequence}`).digest('hex').slice(0, 32)}`;
}

/** The timeline lines this event wrote, with their 1-based positions (the registration's have no event id). */
function linesOf(dossier: Dossier, event: DossierEvent) {
  return dossier.timeline
    .map((line, index) => ({ line, sequence: index + 1 }))
    .filter(({ line }) => line.eventId === event.id || (event.type === 'DossierRegistered' && line.eventId === undefined && line.cause === 'DossierRegistered'));
}

const FAILED_REASONS: ReadonlySet<string> = new Set(['failed', 'expired', 'cancelled']);

function paymentOf(dossier: Dossier, event: DossierEvent): PortalEventPayment | undefined {
  if (event.type !== 'PaymentSucceeded' && event.type !== 'PaymentFailed') return undefined;
  const record = dossier.payments.find((p) => p.paymentId === event.paymentId);
  if (event.type === 'PaymentSucceeded') {
    return { paymentId: event.paymentId, provider: event.provider, amount: event.amount, status: 'succeeded', paidAt: event.paidAt, ...(record?.refundReview ? { refundReview: true as const } : {}) };
  }
  const status = (FAILED_REASONS.has(event.reason) ? event.reason : 'failed') as PortalPaymentStatus;
  return { paymentId: event.paymentId, ...(record ? { provider: record.provider, amount: record.amount } : {}), status };
}

/**
 * The event to push for this dossier event, or undefined when it calls for none: the dossier's
 * status did not move and it is not a payment's outcome (a parcel in transit, a refused event).
 * A payment's outcome is pushed even when the dossier only recorded it (money taken after the
 * dossier stopped awaiting it): the payment itself did change.
 */
export function portalEventOf(dossier: Dossier, event: DossierEvent): PortalWebhookEvent | undefined {
  const lines = linesOf(dossier, event);
  const first = lines[0];
  const last = lines.at(-1);
  if (!first || !last) return undefined;
  const moved = lines.some(({ line }) => line.applied && line.from !== line.to);
  const payment = paymentOf(dossier, event);
  if (!moved && !payment) return undefined;
  return {
    id: portalEventId(dossier.dossierNo, last.sequence),
    type: payment ? 'payment.status_changed' : 'dossier.status_changed',
    version: PORTAL_EVENT_VERSION,
    occurredAt: new Date(last.line.at).toISOString(),
    dossierNo: dossier.dossierNo,
    agencyCode: dossier.agencyCode,
    sequence: last.sequence,
    status: last.line.to,
    previousStatus: first.line.from,
    ...(payment ? { payment } : {}),
  };
}
