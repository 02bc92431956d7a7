import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { NoticeQueue, NotificationStore, ZaloTokenStore } from '../../modules/notifications/ports';
import { DynamoNotificationStore, DynamoZaloTokenStore } from '../../modules/notifications/dynamodb';
import { sqsNoticeQueue } from '../../modules/notifications/sqs-queue';
import { loadNotificationSettings, type NotificationSettings } from '../../modules/notifications/settings';
import { buildChannels } from '../../modules/notifications/channels/registry';
import { zaloRefreshTokenAge } from '../../modules/notifications/metrics';
import type { NoticeDeps } from '../../modules/notifications/use-cases/process-notices';
import type { EnqueueDeps } from '../../modules/notifications/use-cases/notices';
import { base } from './base';
import { dynamo } from './dynamo';
import { sqs } from './sqs';
import { secrets } from './secrets';
import { definePart } from './part';

export interface NotificationStoreMembers {
  readonly notificationStore: NotificationStore;
  readonly notificationSettings: NotificationSettings;
}

/** The ledger and the preferences (the read and preference routes need nothing else). */
export const notificationStore = /* @__PURE__ */ definePart<NotificationStoreMembers>()('notificationStore', [dynamo], (c, { once, tableName, settings }) => ({
  get notificationStore() {
    return once('notificationStore', () => new DynamoNotificationStore(c.documentClient, tableName()));
  },
  get notificationSettings() {
    return once('notificationSettings', () => loadNotificationSettings(settings.values));
  },
}));

export interface NoticeQueueMembers {
  readonly noticeQueue: NoticeQueue;
}

/** The outbound notifications queue: the webhook and the reaction only send to it. */
export const noticeQueue = /* @__PURE__ */ definePart<NoticeQueueMembers>()('noticeQueue', [base, sqs], (c, { once }) => ({
  get noticeQueue() {
    return once('noticeQueue', () => sqsNoticeQueue(c.sqsClient, c.queueUrl('notifications')));
  },
}));

export interface NoticeRequestsMembers {
  readonly noticeRequests: EnqueueDeps;
}

/** What the dossier reaction uses: queue the notice (the sender writes its ledger row). */
export const noticeRequests = /* @__PURE__ */ definePart<NoticeRequestsMembers>()('noticeRequests', [base, notificationStore, noticeQueue], (c, { once }) => ({
  get noticeRequests() {
    return once('noticeRequests', () => ({ queue: c.noticeQueue, settings: c.notificationSettings, clock: c.clock }));
  },
}));

export interface NoticeSenderMembers {
  readonly zaloTokenStore: ZaloTokenStore;
  readonly sesClient: SESv2Client;
  readonly noticeDeps: NoticeDeps;
}

/** The consumer that talks to Zalo, eSMS and SES. */
export const noticeSender = /* @__PURE__ */ definePart<NoticeSenderMembers>()('noticeSender', [base, dynamo, secrets, notificationStore, noticeQueue], (c, { once, tableName, settings }) => ({
  get zaloTokenStore() {
    return once('zaloTokenStore', () => new DynamoZaloTokenStore(c.documentClient, tableName()));
  },
  get sesClient() {
    return once('sesClient', () => {
      const aws = settings.aws;
      return new SESv2Client({
        ...(aws.region ? { region: aws.region } : {}),
        ...(aws.credentials ? { credentials: aws.credentials } : {}),
        ...(aws.endpoints?.ses ? { endpoint: aws.endpoints.ses } : {}),
      });
    });
  },
  get noticeDeps() {
    return once('noticeDeps', () => ({
      store: c.notificationStore,
      queue: c.noticeQueue,
      settings: c.notificationSettings,
      clock: c.clock,
      channels: buildChannels({
        settings: c.notificationSettings,
        secrets: c.secrets,
        clock: c.clock,
        zaloTokens: c.zaloTokenStore,
        sesClient: () => c.sesClient,
        onRefreshTokenAge: zaloRefreshTokenAge,
      }),
    }));
  },
}));
