import { defineOperation } from '../../../platform/api/operation';
import { DossierPathSchema } from '../../dossiers';
import { NoticeListSchema, NotificationPreferencesRequestSchema, NotificationPreferencesSchema, ZaloSignatureHeadersSchema, ZaloWebhookBodySchema, ZaloWebhookResultSchema } from './notifications';
import { listNotificationsExamples, putNotificationPreferencesExamples, zaloWebhookExamples } from './examples';

export const listNotificationsOperation = /* @__PURE__ */ defineOperation({
  operationId: 'listNotifications',
  method: 'GET',
  path: '/v1/dossiers/{dossierNo}/notifications',
  summary: "The dossier's notification ledger: each notice, its channel attempts, error codes and times",
  tags: ['notifications'],
  auth: 'citizen_or_agency',
  request: { params: DossierPathSchema },
  responses: { 200: { description: 'Notices, oldest first', schema: NoticeListSchema } },
  errors: ['NOT_FOUND'],
  examples: listNotificationsExamples,
});

export const putNotificationPreferencesOperation = /* @__PURE__ */ defineOperation({
  operationId: 'putNotificationPreferences',
  method: 'PUT',
  path: '/v1/me/notification-preferences',
  summary: "The citizen's own notification channels: a channel turned off is skipped (the ledger says so)",
  tags: ['notifications'],
  auth: 'citizen',
  request: { body: NotificationPreferencesRequestSchema },
  responses: { 200: { description: 'The preferences now', schema: NotificationPreferencesSchema } },
  examples: putNotificationPreferencesExamples,
});

export const zaloWebhookOperation = /* @__PURE__ */ defineOperation({
  operationId: 'zaloWebhook',
  method: 'POST',
  path: '/v1/callbacks/zalo',
  summary: 'ZNS events from Zalo (user_received_message marks a notice delivered)',
  description:
    'X-ZEvent-Signature: mac=sha256(appId + rawBody + timestamp + OA secret key), checked in constant time over the raw bytes; ' +
    'the event is queued and answered 200 at once; receipts are deduplicated by msg_id.',
  tags: ['callbacks'],
  auth: 'signed',
  request: { headers: ZaloSignatureHeadersSchema, body: ZaloWebhookBodySchema },
  responses: { 200: { description: 'Received', schema: ZaloWebhookResultSchema } },
  errors: ['UNAUTHORIZED'],
  examples: zaloWebhookExamples,
});
