import type { Clock } from '../../../platform/kernel/time';
import { RetryableWriteConflict, withOptimisticRetry } from '../../../platform/dynamodb/optimistic';
import { logger } from '../../../platform/observability/logger';
import { channelsFor, decide, nextChannel, type NoticeChannelName } from '../domain/fallback';
import { moveNotice, type Notice, type NoticeAttempt } from '../domain/notice';
import { isQuiet, sendableAt } from '../domain/quiet-hours';
import { renderNotice } from '../domain/templates';
import type { NoticeChannel, NoticeQueue, NoticeQueueMessage, NotificationStore } from '../ports';
import type { NotificationSettings } from '../settings';
import { noticeAttempted } from '../metrics';

export interface NoticeDeps {
  readonly store: NotificationStore;
  readonly queue: NoticeQueue;
  readonly channels: Partial<Record<NoticeChannelName, NoticeChannel>>;
  readonly settings: NotificationSettings;
  readonly clock: Clock;
}

/** A temporary failure: the message goes back to the queue with backoff (then its DLQ). */
export class NoticeRetryError extends Error {
  constructor(readonly notificationId: string, readonly code: string) {
    super(`notice ${notificationId}: temporary failure ${code}, retried`);
    this.name = 'NoticeRetryError';
  }
}

export type ProcessOutcome = 'nothing' | 'deferred' | 'skipped' | 'accepted' | 'sent' | 'fallback' | 'failed' | 'delivered' | 'duplicate' | 'waiting';

/** SQS delays at most 15 minutes; a longer wait re-queues itself on arrival. */
const MAX_DELAY_SECONDS = 900;
/** A sender that claimed a notice and vanished is taken over after this. */
const CLAIM_MS = 60_000;

const delayUntil = (now: Date, at: Date) => Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil((at.getTime() - now.getTime()) / 1000)));

export function processNoticeMessage(deps: NoticeDeps, message: NoticeQueueMessage): Promise<ProcessOutcome> {
  switch (message.type) {
    case 'send':
      return sendNotice(deps, message.notificationId, message.notice);
    case 'check':
      return checkReceipt(deps, message.notificationId, message.messageId);
    case 'receipt':
      return recordReceipt(deps, message.trackingId, message.messageId, message.deliveredAt);
  }
}

/**
 * One attempt on the notice's current channel, after the quiet hours and the citizen's choices.
 * `unrecorded` is the notice the first message carries: while no row is stored, the sender's first
 * write (its claim, or its deferral) creates it, only if none exists, so two copies of the message
 * never both send.
 */
export async function sendNotice(deps: NoticeDeps, notificationId: string, unrecorded?: Notice): Promise<ProcessOutcome> {
  const claimed = await withOptimisticRetry(async () => {
    const stored = await deps.store.get(notificationId);
    const notice = stored ?? (unrecorded?.notificationId === notificationId ? unrecorded : undefined);
    if (!notice) return { outcome: 'nothing' as const };
    const write = async (next: Notice) => {
      if (stored) return deps.store.save(next);
      if (!(await deps.store.create(next))) throw new RetryableWriteConflict(`notice ${notificationId} written by another sender`);
    };
    const now = deps.clock.now();
    const takeOver = notice.status === 'sending' && Date.parse(notice.claimUntil ?? '') < now.getTime();
    if (notice.status !== 'queued' && !takeOver) return { outcome: 'nothing' as const };
    const due = new Date(Math.max(Date.parse(notice.dueAt), sendableAt(now, deps.settings.quietHours).getTime()));
    if (notice.status === 'queued' && (due > now || isQuiet(now, deps.settings.quietHours))) {
      // Written when deferred, so that the ledger shows it waiting for the morning.
      if (!stored || notice.dueAt !== due.toISOString()) await write(moveNotice(notice, 'queued', 'Defer', now, { dueAt: due.toISOString() }));
      await deps.queue.send({ type: 'send', notificationId }, delayUntil(now, due));
      return { outcome: 'deferred' as const };
    }
    const preferences = await deps.store.preferences(notice.citizenId);
    const plan = channelsFor({ hasEmail: !!notice.email, optedOut: new Set(preferences.optedOut), enabled: new Set(Object.keys(deps.channels) as NoticeChannelName[]) });
    // The current channel, or the next one the plan still allows (a channel turned off meanwhile is passed over).
    const channel = plan.includes(notice.channel) ? notice.channel : plan.find((c) => order(c) > order(notice.channel));
    if (!channel) {
      const reason = preferences.optedOut.length > 0 ? 'opted_out' : 'no_channel';
      const attempt: NoticeAttempt = { channel: notice.channel, at: now.toISOString(), outcome: 'opted_out' };
      await write(moveNotice(notice, 'skipped', 'OptedOut', now, { reason, attempts: [...notice.attempts, attempt] }));
      return { outcome: 'skipped' as const };
    }
    const next = moveNotice(notice, 'sending', takeOver ? 'TakeOver' : 'Claim', now, { channel, claimUntil: new Date(now.getTime() + CLAIM_MS).toISOString() });
    await write(next);
    return { outcome: 'claimed' as const, notice: next, plan };
  });
  if (claimed.outcome !== 'claimed') return claimed.outcome;
  const { notice, plan } = claimed;
  const channel = deps.channels[notice.channel]!;
  const message = renderNotice(notice.kind, notice.params, deps.settings.templateIds);
  const outcome = await channel.send({ notificationId: notice.notificationId, dossierNo: notice.dossierNo, phone: notice.phone, ...(notice.email ? { email: notice.email } : {}), message });
  noticeAttempted(notice.channel, outcome.kind);
  const decision = decide(outcome, plan, notice.channel);
  const at = deps.clock.now();
  const attempt: NoticeAttempt = {
    channel: notice.channel,
    at: at.toISOString(),
    outcome: outcome.kind === 'accepted' ? (outcome.final ? 'sent' : 'accepted') : outcome.kind,
    ...(outcome.kind === 'accepted' ? { messageId: outcome.messageId } : { code: outcome.code }),
  };
  const attempts = [...notice.attempts, attempt];
  // Only the claimer writes a sending notice; a conflict here means someone took over after CLAIM_MS.
  switch (decision.action) {
    case 'await_receipt':
      await deps.store.save(moveNotice(notice, 'accepted', 'Accepted', at, { attempts }));
      await deps.queue.send({ type: 'check', notificationId: notice.notificationId, messageId: attempt.messageId! }, Math.min(MAX_DELAY_SECONDS, deps.settings.receiptTimeoutSeconds));
      return 'accepted';
    case 'done':
      await deps.store.save(moveNotice(notice, 'sent', 'Sent', at, { attempts }));
      return 'sent';
    case 'fallback':
      logger.info('notice falls back', { notificationId: notice.notificationId, from: notice.channel, to: decision.to, code: attempt.code });
      await deps.store.save(moveNotice(notice, 'queued', 'FallBack', at, { attempts, channel: decision.to }));
      await deps.queue.send({ type: 'send', notificationId: notice.notificationId });
      return 'fallback';
    case 'fail':
      await deps.store.save(moveNotice(notice, 'failed', 'Exhausted', at, { attempts, reason: 'no_channel' }));
      return 'failed';
    case 'retry':
      await deps.store.save(moveNotice(notice, 'queued', 'Retry', at, { attempts }));
      throw new NoticeRetryError(notice.notificationId, attempt.code ?? 'temporary');
  }
}

function order(channel: NoticeChannelName): number {
  return ['zns', 'sms', 'email'].indexOf(channel);
}

/** No receipt for this ZNS message by the timeout: the next channel (or failed: no receipt). */
export async function checkReceipt(deps: NoticeDeps, notificationId: string, messageId: string): Promise<ProcessOutcome> {
  return withOptimisticRetry(async () => {
    const notice = await deps.store.get(notificationId);
    const last = notice?.attempts.at(-1);
    if (!notice || notice.status !== 'accepted' || last?.messageId !== messageId) return 'nothing';
    const now = deps.clock.now();
    const deadline = new Date(Date.parse(last.at) + deps.settings.receiptTimeoutSeconds * 1000);
    if (deadline > now) {
      await deps.queue.send({ type: 'check', notificationId, messageId }, delayUntil(now, deadline));
      return 'waiting';
    }
    const preferences = await deps.store.preferences(notice.citizenId);
    const plan = channelsFor({ hasEmail: !!notice.email, optedOut: new Set(preferences.optedOut), enabled: new Set(Object.keys(deps.channels) as NoticeChannelName[]) });
    const to = nextChannel([notice.channel, ...plan.filter((c) => order(c) > order(notice.channel))], notice.channel);
    const attempts = [...notice.attempts, { channel: notice.channel, at: now.toISOString(), outcome: 'receipt_timeout' as const, messageId }];
    if (!to) {
      await deps.store.save(moveNotice(notice, 'failed', 'ReceiptTimeout', now, { attempts, reason: 'no_receipt' }));
      return 'failed';
    }
    await deps.store.save(moveNotice(notice, 'queued', 'ReceiptTimeout', now, { attempts, channel: to }));
    await deps.queue.send({ type: 'send', notificationId });
    return 'fallback';
  });
}

/** A verified ZNS receipt: delivered at `delivery_time`; the same msg_id again changes nothing. */
export async function recordReceipt(deps: NoticeDeps, trackingId: string, messageId: string, deliveredAt: string): Promise<ProcessOutcome> {
  return withOptimisticRetry(async () => {
    const notice: Notice | undefined = await deps.store.get(trackingId);
    if (!notice || !notice.attempts.some((a) => a.channel === 'zns' && a.messageId === messageId)) {
      logger.warn('ZNS receipt for no notice of ours', { trackingId, messageId });
      return 'nothing';
    }
    if (notice.status === 'delivered') return 'duplicate';
    // Another attempt is in flight: record the receipt once it has settled.
    if (notice.status === 'sending') throw new NoticeRetryError(notice.notificationId, 'RECEIPT_WHILE_SENDING');
    if (notice.status === 'skipped') return 'nothing';
    await deps.store.save(moveNotice(notice, 'delivered', 'Delivered', deps.clock.now(), { deliveredAt }));
    return 'delivered';
  });
}
