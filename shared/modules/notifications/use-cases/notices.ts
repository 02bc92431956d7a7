import { ForbiddenError } from '../../../platform/kernel/errors';
import type { Clock } from '../../../platform/kernel/time';
import type { Principal } from '../../../platform/http/principal';
import { visibleDossier, type Dossier, type DossierEvent, type DossierStore } from '../../dossiers';
import type { NoticeChannelName } from '../domain/fallback';
import { notificationIdOf, type Notice } from '../domain/notice';
import { planNotice, type PlanContext } from '../domain/plan';
import { sendableAt } from '../domain/quiet-hours';
import { renderNotice } from '../domain/templates';
import type { NoticeQueue, NotificationPreferences, NotificationStore } from '../ports';
import type { NotificationSettings } from '../settings';

export interface EnqueueDeps {
  readonly queue: NoticeQueue;
  readonly settings: NotificationSettings;
  readonly clock: Clock;
}

/**
 * Queues the notice an applied dossier event calls for, the notice itself in the message: the
 * ledger row is written by the sender, its first write being its claim (written only if none is
 * stored), so the notice is on the ledger from its first attempt (or its deferral to the morning).
 * Idempotent per event: the notice id comes from the event id, so a redelivered event queues the
 * same notice again and the sender, finding its row, sends nothing twice. A failed send throws, and
 * the reaction runs again.
 */
export async function enqueueNotice(deps: EnqueueDeps, dossier: Dossier, event: DossierEvent, context: Omit<PlanContext, 'payAgainUrl'> = {}): Promise<Notice | undefined> {
  const request = planNotice(dossier, event, { ...context, payAgainUrl: deps.settings.payAgainUrl });
  if (!request) return undefined;
  // Refused here, not at send time: a parameter over its ZNS limit is our bug and must fail loudly.
  renderNotice(request.kind, request.params, deps.settings.templateIds);
  const now = deps.clock.now();
  const notice: Notice = {
    notificationId: notificationIdOf(event.id),
    dossierNo: dossier.dossierNo,
    eventId: event.id,
    kind: request.kind,
    citizenId: dossier.applicant.citizenId,
    phone: dossier.applicant.phone,
    ...(dossier.applicant.email ? { email: dossier.applicant.email } : {}),
    params: request.params,
    status: 'queued',
    channel: 'zns',
    dueAt: sendableAt(now, deps.settings.quietHours).toISOString(),
    attempts: [],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  };
  await deps.queue.send({ type: 'send', notificationId: notice.notificationId, notice });
  return notice;
}

/** A notice as the ledger shows it: no phone, address or message parameters. */
export interface NoticeView {
  readonly notificationId: string;
  readonly eventId: string;
  readonly kind: Notice['kind'];
  readonly status: Notice['status'];
  readonly channel: NoticeChannelName;
  readonly reason?: string;
  readonly dueAt: string;
  readonly deliveredAt?: string;
  readonly attempts: Notice['attempts'];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function noticeView(n: Notice): NoticeView {
  return {
    notificationId: n.notificationId,
    eventId: n.eventId,
    kind: n.kind,
    status: n.status,
    channel: n.channel,
    ...(n.reason ? { reason: n.reason } : {}),
    dueAt: n.dueAt,
    ...(n.deliveredAt ? { deliveredAt: n.deliveredAt } : {}),
    attempts: n.attempts,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  };
}

export interface LedgerDeps {
  readonly store: NotificationStore;
  readonly dossiers: DossierStore;
}

/** The dossier's notices, oldest first, for its citizen or its agency (404 to anyone else). */
export async function listNotices(deps: LedgerDeps, principal: Principal, dossierNo: string): Promise<{ items: NoticeView[] }> {
  await visibleDossier(deps.dossiers, principal, dossierNo);
  const notices = await deps.store.listByDossier(dossierNo);
  return { items: notices.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(noticeView) };
}

/** The citizen's own channel choices; a channel turned off is skipped (and the ledger says so). */
export async function setPreferences(
  deps: { store: NotificationStore; clock: Clock },
  principal: Principal,
  channels: Readonly<Partial<Record<NoticeChannelName, boolean>>>,
): Promise<NotificationPreferences & { channels: Record<NoticeChannelName, boolean> }> {
  if (principal.kind !== 'citizen') throw new ForbiddenError('Only a citizen sets their own notification preferences');
  const current = await deps.store.preferences(principal.citizenId);
  const off = new Set(current.optedOut);
  for (const [channel, on] of Object.entries(channels) as [NoticeChannelName, boolean][]) {
    if (on) off.delete(channel);
    else off.add(channel);
  }
  const next = { optedOut: [...off].sort(), updatedAt: deps.clock.now().toISOString() };
  await deps.store.savePreferences(principal.citizenId, next);
  return { ...next, channels: { zns: !off.has('zns'), sms: !off.has('sms'), email: !off.has('email') } };
}
