import { createHash } from 'node:crypto';
import { StateMachine, type Edge } from '../../../platform/kernel/state-machine';
import type { NoticeChannelName } from './fallback';
import type { NoticeKind } from './templates';

/**
 * The notification ledger: one notice per dossier event that calls for one, moving
 * queued → sending → accepted (msg_id) → delivered, or falling back to the next channel, or failed /
 * skipped. Every attempt stays on the notice with its channel, outcome, error code and time.
 */
export const NOTICE_STATUSES = ['queued', 'sending', 'accepted', 'sent', 'delivered', 'failed', 'skipped'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export const NOTICE_CAUSES = ['Defer', 'Claim', 'TakeOver', 'Accepted', 'Sent', 'Retry', 'FallBack', 'Exhausted', 'ReceiptTimeout', 'Delivered', 'OptedOut'] as const;
export type NoticeCause = (typeof NOTICE_CAUSES)[number];

const LATE_RECEIPT = 'a delivery receipt for an earlier attempt arrives after we moved on: the message did arrive';

const edges: Edge<NoticeStatus, NoticeCause>[] = [
  { from: 'queued', to: 'queued', on: 'Defer' },
  { from: 'queued', to: 'sending', on: 'Claim' },
  { from: 'queued', to: 'skipped', on: 'OptedOut' },
  {
    from: 'sending', to: 'sending', on: 'TakeOver',
    bypass: 'the sender crashed between its claim and the outcome; SMS dedups our RequestId, ZNS may show the message twice',
  },
  { from: 'sending', to: 'accepted', on: 'Accepted' },
  { from: 'sending', to: 'sent', on: 'Sent' },
  { from: 'sending', to: 'queued', on: 'Retry' },
  { from: 'sending', to: 'queued', on: 'FallBack' },
  { from: 'sending', to: 'failed', on: 'Exhausted' },
  { from: 'sending', to: 'skipped', on: 'OptedOut' },
  { from: 'accepted', to: 'delivered', on: 'Delivered' },
  { from: 'accepted', to: 'queued', on: 'ReceiptTimeout' },
  { from: 'accepted', to: 'failed', on: 'ReceiptTimeout' },
  { from: 'queued', to: 'delivered', on: 'Delivered', bypass: LATE_RECEIPT },
  { from: 'sent', to: 'delivered', on: 'Delivered', bypass: LATE_RECEIPT },
  { from: 'failed', to: 'delivered', on: 'Delivered', bypass: LATE_RECEIPT },
];

export const NoticeMachine = new StateMachine<NoticeStatus, NoticeCause>(NOTICE_STATUSES, edges, { name: 'notice' });

export type AttemptOutcome = 'accepted' | 'sent' | 'recipient' | 'refused' | 'temporary' | 'auth' | 'receipt_timeout' | 'opted_out';

export interface NoticeAttempt {
  readonly channel: NoticeChannelName;
  readonly at: string;
  readonly outcome: AttemptOutcome;
  /** The partner's error code (ZNS -118, eSMS 99…). */
  readonly code?: string;
  /** ZNS msg_id, eSMS SMSID, SES MessageId. */
  readonly messageId?: string;
}

export interface Notice {
  /** ≤48 alphanumeric characters: the ZNS tracking_id and the eSMS RequestId. */
  readonly notificationId: string;
  readonly dossierNo: string;
  readonly eventId: string;
  readonly kind: NoticeKind;
  readonly citizenId: string;
  /** E.164. */
  readonly phone: string;
  readonly email?: string;
  readonly params: Readonly<Record<string, string>>;
  readonly status: NoticeStatus;
  /** The channel being tried (or last tried). */
  readonly channel: NoticeChannelName;
  /** Not sent before this (quiet hours, backoff). */
  readonly dueAt: string;
  /** While `sending`: after this another sender may take over. */
  readonly claimUntil?: string;
  readonly attempts: readonly NoticeAttempt[];
  readonly deliveredAt?: string;
  /** Why a skipped or failed notice went no further (`opted_out`, `no_channel`, `no_receipt`). */
  readonly reason?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** The id of the notice an event calls for: the same event always gives the same id (idempotent enqueue). */
export function notificationIdOf(eventId: string): string {
  return `n${createHash('sha256').update(eventId).digest('hex').slice(0, 40)}`;
}

/** The notice moved by `on` to `to`, guarded by the machine, with its version bumped. */
export function moveNotice(notice: Notice, to: NoticeStatus, on: NoticeCause, at: Date, changes: Partial<Omit<Notice, 'status' | 'version'>> = {}): Notice {
  NoticeMachine.assert(notice.status, to, on);
  return { ...notice, ...changes, status: to, updatedAt: at.toISOString(), version: notice.version + 1 };
}
