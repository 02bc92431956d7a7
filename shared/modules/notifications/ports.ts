import type { NoticeChannelName, SendOutcome } from './domain/fallback';
import type { Notice } from './domain/notice';
import type { RenderedNotice } from './domain/templates';

/** One message to one person on one channel. */
export interface OutboundNotice {
  /** Our notification id: ZNS tracking_id, eSMS RequestId, an SES tag. */
  readonly notificationId: string;
  readonly dossierNo: string;
  /** E.164 (+84…); each adapter writes it the way its partner wants. */
  readonly phone: string;
  readonly email?: string;
  readonly message: RenderedNotice;
}

/**
 * A channel (ZNS, SMS brandname, email). `send` answers what the partner said in the words of the
 * decision table and throws only for our own faults; a timeout, a 5xx or a refused connection is a
 * `temporary` outcome.
 */
export interface NoticeChannel {
  readonly name: NoticeChannelName;
  send(notice: OutboundNotice): Promise<SendOutcome>;
}

export interface NotificationPreferences {
  /** Channels the citizen turned off. */
  readonly optedOut: readonly NoticeChannelName[];
  readonly updatedAt?: string;
}

export interface NotificationStore {
  /** Writes a notice's first row; false when one with this id exists already (another sender wrote it first). */
  create(notice: Notice): Promise<boolean>;
  get(notificationId: string): Promise<Notice | undefined>;
  /** Conditional on the version `next` was made from (next.version - 1); a moved one is a RetryableWriteConflict. */
  save(next: Notice): Promise<void>;
  listByDossier(dossierNo: string): Promise<Notice[]>;
  preferences(citizenId: string): Promise<NotificationPreferences>;
  savePreferences(citizenId: string, preferences: NotificationPreferences): Promise<void>;
}

/** What the notifications queue carries. */
export type NoticeQueueMessage =
  /** The first message carries the notice (no row yet: the sender's first write is its claim); later ones only its id. */
  | { readonly type: 'send'; readonly notificationId: string; readonly notice?: Notice }
  /** After the receipt timeout: still no receipt for this message id? Fall back. */
  | { readonly type: 'check'; readonly notificationId: string; readonly messageId: string }
  /** A verified ZNS delivery webhook, queued so that Zalo gets its 200 at once. */
  | { readonly type: 'receipt'; readonly trackingId: string; readonly messageId: string; readonly deliveredAt: string };

export interface NoticeQueue {
  /** Delays above SQS's 15 minutes are the caller's business (it re-queues on arrival). */
  send(message: NoticeQueueMessage, delaySeconds?: number): Promise<void>;
}

/** The Zalo OA tokens as stored: access and refresh together, always written as a pair. */
export interface ZaloTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly accessExpiresAt: string;
  /** When this refresh token was issued: it lives 3 months and is single-use. */
  readonly refreshIssuedAt: string;
  readonly version: number;
}

/** One row, one writer at a time (a lease taken by a conditional write). */
export interface ZaloTokenStore {
  read(): Promise<ZaloTokens | undefined>;
  /** Takes the refresh lease if it is free (or expired) and the tokens are still at `version` (0: none stored). */
  takeLease(holder: string, until: Date, now: Date, version: number): Promise<boolean>;
  /** Stores the new pair and frees the lease, only if the tokens are still at `tokens.version - 1`; false otherwise. */
  saveRefreshed(holder: string, tokens: ZaloTokens): Promise<boolean>;
  /** Frees the lease after a failed refresh, keeping the tokens as they were. */
  releaseLease(holder: string): Promise<void>;
}
