import { StateMachine, type Edge } from '../../../platform/kernel/state-machine';
import { portalEventId, PORTAL_EVENT_TYPES, type PortalEventType, type PortalWebhookEvent } from './event';
import { retryDelaySeconds } from './retry-schedule';

/**
 * One webhook to the portal and every attempt to deliver it (the delivery log):
 * scheduled → sending (claimed by one consumer, recorded before the POST) → delivered, or back to
 * scheduled for a retry, or failed once the retry schedule is spent. A failed delivery's last
 * message goes to the queue's DLQ; an operator's redrive of it is one more attempt.
 */
export const WEBHOOK_DELIVERY_STATUSES = ['scheduled', 'sending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const WEBHOOK_DELIVERY_CAUSES = ['Claim', 'TakeOver', 'Accepted', 'Retry', 'GiveUp', 'Redrive'] as const;
export type WebhookDeliveryCause = (typeof WEBHOOK_DELIVERY_CAUSES)[number];

const edges: Edge<WebhookDeliveryStatus, WebhookDeliveryCause>[] = [
  { from: 'scheduled', to: 'sending', on: 'Claim' },
  { from: 'sending', to: 'delivered', on: 'Accepted' },
  { from: 'sending', to: 'scheduled', on: 'Retry' },
  { from: 'sending', to: 'failed', on: 'GiveUp' },
  {
    from: 'sending', to: 'sending', on: 'TakeOver',
    bypass: 'the consumer that claimed the attempt vanished before recording it; the portal may receive the event twice and deduplicates by its id',
  },
  {
    from: 'failed', to: 'sending', on: 'Redrive',
    bypass: 'an operator moved the dead letter back once the portal was fixed: one more attempt',
  },
];

export const WebhookDeliveryMachine = new StateMachine<WebhookDeliveryStatus, WebhookDeliveryCause>(WEBHOOK_DELIVERY_STATUSES, edges, { name: 'webhook delivery' });

/** One POST to the portal, as the delivery log shows it. */
export interface WebhookAttempt {
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly at: string;
  /** Where it went (scheme, host and path; no query string). */
  readonly url: string;
  /** The portal's HTTP status; absent when it never answered (timeout, refused connection). */
  readonly statusCode?: number;
  readonly latencyMs: number;
  /** Why it did not count as delivered (a short name, never the portal's body). */
  readonly error?: string;
  /** When the next attempt is due; absent once delivered or given up. */
  readonly nextAttemptAt?: string;
}

export interface WebhookDelivery {
  readonly webhookId: string;
  readonly dossierNo: string;
  readonly agencyCode: string;
  readonly sequence: number;
  readonly type: PortalEventType;
  /** The JSON sent, byte for byte the same on every attempt (the signature covers it). */
  readonly body: string;
  readonly status: WebhookDeliveryStatus;
  readonly attempts: readonly WebhookAttempt[];
  /** When the next attempt is due (while scheduled). */
  readonly nextAttemptAt?: string;
  /** The attempt whose message is on the queue; the due index holds a scheduled delivery until then. */
  readonly dispatchedAttempt?: number;
  /** While sending: after this another consumer may take the attempt over. */
  readonly claimUntil?: string;
  readonly deliveredAt?: string;
  readonly gaveUpAt?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** What one POST gave: a status code, or no answer at all. */
export interface PostResult {
  readonly url: string;
  readonly statusCode?: number;
  readonly latencyMs: number;
  readonly error?: string;
}

/** A new delivery, its first attempt due now and its message about to be queued by the caller. */
export function newDelivery(event: PortalWebhookEvent, now: Date, body = JSON.stringify(event)): WebhookDelivery {
  const at = now.toISOString();
  return {
    webhookId: event.id,
    dossierNo: event.dossierNo,
    agencyCode: event.agencyCode,
    sequence: event.sequence,
    type: event.type,
    body,
    status: 'scheduled',
    attempts: [],
    nextAttemptAt: at,
    dispatchedAttempt: 1,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

export const nextAttemptNumber = (delivery: Pick<WebhookDelivery, 'attempts'>): number => delivery.attempts.length + 1;

/** Whether a scheduled delivery waits for the sweeper: its next attempt has no message on the queue yet. */
export function awaitsDispatch(delivery: Pick<WebhookDelivery, 'status' | 'attempts' | 'dispatchedAttempt'>): boolean {
  return delivery.status === 'scheduled' && delivery.dispatchedAttempt !== nextAttemptNumber(delivery);
}

/** The delivery moved by `on`, through the machine's guard, its version bumped. */
export function moveDelivery(delivery: WebhookDelivery, on: WebhookDeliveryCause, at: Date, changes: Partial<Omit<WebhookDelivery, 'status' | 'version'>> = {}): WebhookDelivery {
  const to = WebhookDeliveryMachine.next(delivery.status, on);
  return { ...delivery, ...changes, status: to, updatedAt: at.toISOString(), version: delivery.version + 1 };
}

/** A queue message: deliver attempt `attempt` of this dossier's webhook `sequence`. */
export interface WebhookMessage {
  readonly dossierNo: string;
  readonly sequence: number;
  readonly attempt: number;
  /**
   * The first attempt's message carries the body (the JSON to send): the delivery is written once,
   * with that attempt's outcome, not before. Later attempts read it from the delivery.
   */
  readonly body?: string;
}

/**
 * The delivery a first message stands for while none is written yet (its first attempt not
 * recorded), created when SQS received the message; undefined for a message without a body or
 * whose body is not this webhook's event.
 */
export function unrecordedDelivery(message: WebhookMessage, sentAt: Date): WebhookDelivery | undefined {
  if (message.attempt !== 1 || message.body === undefined) return undefined;
  let event: Partial<PortalWebhookEvent>;
  try {
    event = JSON.parse(message.body) as Partial<PortalWebhookEvent>;
  } catch {
    return undefined;
  }
  const matches =
    event.dossierNo === message.dossierNo && event.sequence === message.sequence && event.id === portalEventId(message.dossierNo, message.sequence)
    && typeof event.agencyCode === 'string' && (PORTAL_EVENT_TYPES as readonly unknown[]).includes(event.type);
  return matches ? newDelivery(event as PortalWebhookEvent, sentAt, message.body) : undefined;
}

/** Messages arriving a little early (clock skew between the sender and us) are taken all the same. */
const EARLY_TOLERANCE_MS = 5_000;

export type MessageDecision =
  | { readonly action: 'attempt'; readonly on: 'Claim' | 'TakeOver' | 'Redrive' }
  /** Nothing to do: delivered already, or a copy of a message for an attempt already made. */
  | { readonly action: 'stale' }
  /** Another consumer holds a live claim on this attempt; it records it and schedules the next. */
  | { readonly action: 'busy' }
  | { readonly action: 'not_due'; readonly seconds: number }
  /** The delivery was given up: the message goes on failing until SQS moves it to the DLQ. */
  | { readonly action: 'dead' };

/**
 * What a message calls for, given the delivery as it is now. `sentAt` is when SQS received the
 * message: one sent after the give-up can only be an operator's redrive of the dead letter.
 */
export function decideMessage(delivery: WebhookDelivery, message: WebhookMessage, now: Date, sentAt: Date): MessageDecision {
  const current = message.attempt === nextAttemptNumber(delivery);
  switch (delivery.status) {
    case 'delivered':
      return { action: 'stale' };
    case 'failed':
      return delivery.gaveUpAt !== undefined && sentAt.getTime() > Date.parse(delivery.gaveUpAt) ? { action: 'attempt', on: 'Redrive' } : { action: 'dead' };
    case 'sending':
      if (!current) return { action: 'stale' };
      return Date.parse(delivery.claimUntil ?? '') > now.getTime() ? { action: 'busy' } : { action: 'attempt', on: 'TakeOver' };
    case 'scheduled': {
      if (!current) return { action: 'stale' };
      const early = Date.parse(delivery.nextAttemptAt ?? delivery.createdAt) - now.getTime();
      return early > EARLY_TOLERANCE_MS ? { action: 'not_due', seconds: Math.ceil(early / 1000) } : { action: 'attempt', on: 'Claim' };
    }
  }
}

/** Claims the next attempt for `claimMs` (the POST's timeout and a margin): recorded before the POST. */
export function claimAttempt(delivery: WebhookDelivery, on: 'Claim' | 'TakeOver' | 'Redrive', now: Date, claimMs: number): WebhookDelivery {
  const { gaveUpAt: _g, ...rest } = delivery;
  return moveDelivery(on === 'Redrive' ? rest : delivery, on, now, { claimUntil: new Date(now.getTime() + claimMs).toISOString() });
}

export const isAccepted = (result: Pick<PostResult, 'statusCode'>): boolean => result.statusCode !== undefined && result.statusCode >= 200 && result.statusCode < 300;

export interface AttemptOutcome {
  readonly delivery: WebhookDelivery;
  /** Seconds until the next attempt (a retry), else absent. */
  readonly retryInSeconds?: number;
}

/**
 * Records the attempt just made: any 2xx is delivered; anything else (another status, no answer) is
 * retried after the schedule's wait for this many failures, or given up when the schedule is spent.
 */
export function recordAttempt(claimed: WebhookDelivery, result: PostResult, now: Date, schedule: readonly number[]): AttemptOutcome {
  const at = now.toISOString();
  const base = { attempt: nextAttemptNumber(claimed), at, url: result.url, latencyMs: Math.max(0, Math.round(result.latencyMs)), ...(result.statusCode !== undefined ? { statusCode: result.statusCode } : {}) };
  const { claimUntil: _c, nextAttemptAt: _n, ...settled } = claimed;
  if (isAccepted(result)) {
    return { delivery: moveDelivery(settled, 'Accepted', now, { attempts: [...claimed.attempts, base], deliveredAt: at }) };
  }
  const error = result.error ?? `HTTP ${result.statusCode ?? 0}`;
  const failures = claimed.attempts.filter((a) => !isAccepted(a)).length + 1;
  const wait = retryDelaySeconds(failures, schedule);
  if (wait === undefined) {
    return { delivery: moveDelivery(settled, 'GiveUp', now, { attempts: [...claimed.attempts, { ...base, error }], gaveUpAt: at }) };
  }
  const nextAttemptAt = new Date(now.getTime() + wait * 1000).toISOString();
  return {
    delivery: moveDelivery(settled, 'Retry', now, { attempts: [...claimed.attempts, { ...base, error, nextAttemptAt }], nextAttemptAt }),
    retryInSeconds: wait,
  };
}
