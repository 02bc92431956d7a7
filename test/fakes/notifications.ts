import { RetryableWriteConflict } from '../../shared/platform/dynamodb/optimistic';
import type { Notice } from '../../shared/modules/notifications/domain/notice';
import type { NoticeQueue, NoticeQueueMessage, NotificationPreferences, NotificationStore, ZaloTokens, ZaloTokenStore } from '../../shared/modules/notifications/ports';
import type { EnqueueDeps } from '../../shared/modules/notifications/use-cases/notices';
import { loadNotificationSettings } from '../../shared/modules/notifications/settings';
import type { Clock } from '../../shared/platform/kernel/time';

/** The ledger in memory, with the Dynamo store's conditions (create once, save on the version read). */
export class InMemoryNotificationStore implements NotificationStore {
  readonly notices = new Map<string, Notice>();
  readonly prefs = new Map<string, NotificationPreferences>();

  async create(notice: Notice): Promise<boolean> {
    if (this.notices.has(notice.notificationId)) return false;
    this.notices.set(notice.notificationId, notice);
    return true;
  }
  async get(id: string) {
    return this.notices.get(id);
  }
  async save(next: Notice) {
    const current = this.notices.get(next.notificationId);
    if (!current || current.version !== next.version - 1) throw new RetryableWriteConflict(`notice ${next.notificationId} moved`);
    this.notices.set(next.notificationId, next);
  }
  async listByDossier(dossierNo: string) {
    return [...this.notices.values()].filter((n) => n.dossierNo === dossierNo);
  }
  async preferences(citizenId: string) {
    return this.prefs.get(citizenId) ?? { optedOut: [] };
  }
  async savePreferences(citizenId: string, preferences: NotificationPreferences) {
    this.prefs.set(citizenId, preferences);
  }
}

export class RecordingNoticeQueue implements NoticeQueue {
  readonly sent: { message: NoticeQueueMessage; delaySeconds: number }[] = [];
  async send(message: NoticeQueueMessage, delaySeconds = 0) {
    this.sent.push({ message, delaySeconds });
  }
  take(): { message: NoticeQueueMessage; delaySeconds: number }[] {
    return this.sent.splice(0);
  }
}

/** The token row in memory, with the Dynamo store's lease and version conditions. */
export class InMemoryZaloTokenStore implements ZaloTokenStore {
  tokens: ZaloTokens | undefined;
  lease: { holder: string; until: string } | undefined;
  constructor(initial?: ZaloTokens) {
    this.tokens = initial;
  }
  async read() {
    return this.tokens;
  }
  async takeLease(holder: string, until: Date, now: Date, version: number) {
    if (this.lease && this.lease.until >= now.toISOString()) return false;
    if (this.tokens && this.tokens.version !== version) return false;
    this.lease = { holder, until: until.toISOString() };
    return true;
  }
  async saveRefreshed(_holder: string, tokens: ZaloTokens) {
    if ((this.tokens?.version ?? 0) !== tokens.version - 1) return false;
    this.tokens = tokens;
    this.lease = undefined;
    return true;
  }
  async releaseLease(holder: string) {
    if (this.lease?.holder === holder) this.lease = undefined;
  }
}

/** Enqueue dependencies on fakes; quiet hours off unless asked. */
export function fakeEnqueueDeps(clock: Clock, values: Record<string, string> = { NOTIFICATION_QUIET_HOURS: 'off' }): EnqueueDeps & { store: InMemoryNotificationStore; queue: RecordingNoticeQueue } {
  return { store: new InMemoryNotificationStore(), queue: new RecordingNoticeQueue(), settings: loadNotificationSettings(values), clock };
}
