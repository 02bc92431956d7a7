import type * as z from '../../../platform/api/zod';
import type { OperationExamples } from '../../../platform/api/operation';
import type { NoticeListSchema, NotificationPreferencesSchema, ZaloWebhookBodySchema } from './notifications';

export const listNotificationsExamples: OperationExamples = {
  request: { params: { dossierNo: 'H31.26-261121-0001' } },
  responses: {
    200: {
      items: [
        {
          notificationId: 'n31f01980dfe53a17197ab8e6a90b213db31d4e54',
          eventId: 'payment-succeeded-pay_Z24KLH4E9CTJ9FSWEDZH6E4N',
          kind: 'payment_received',
          status: 'delivered',
          channel: 'zns',
          dueAt: '2026-11-21T02:15:04.353Z',
          deliveredAt: '2026-11-21T02:15:05.871Z',
          attempts: [{ channel: 'zns', at: '2026-11-21T02:15:05.563Z', outcome: 'accepted', messageId: '52d810bb1e65490aba8403c335d5b93c' }],
          createdAt: '2026-11-21T02:15:04.353Z',
          updatedAt: '2026-11-21T02:15:06.912Z',
        },
        {
          notificationId: 'n7e5aed2e64c06418178c7622a90f76fffcbcb7e0',
          eventId: 'ResultReady-a126d2f2a15b9dc6253cb9c33cb4d06f842a6e65',
          kind: 'result_ready',
          status: 'sent',
          channel: 'sms',
          dueAt: '2026-11-24T08:00:02.893Z',
          attempts: [
            { channel: 'zns', at: '2026-11-24T08:00:03.035Z', outcome: 'recipient', code: '-118' },
            { channel: 'sms', at: '2026-11-24T08:00:04.102Z', outcome: 'sent', messageId: 'b8f1c2d3-4e5f-6a7b-8c9d-0e1f2a3b4c5d' },
          ],
          createdAt: '2026-11-24T08:00:02.893Z',
          updatedAt: '2026-11-24T08:00:09.330Z',
        },
      ],
    } satisfies z.input<typeof NoticeListSchema>,
  },
};

export const putNotificationPreferencesExamples: OperationExamples = {
  request: { body: { channels: { sms: false } } },
  responses: {
    200: { channels: { zns: true, sms: false, email: true }, optedOut: ['sms'], updatedAt: '2026-11-21T03:00:00.000Z' } satisfies z.input<typeof NotificationPreferencesSchema>,
  },
};

export const zaloWebhookExamples: OperationExamples = {
  request: {
    headers: { 'x-zevent-signature': 'mac=3b0c8f1e9d2a7c6b5e4f3a2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b' },
    body: {
      app_id: '4012345678901234567',
      event_name: 'user_received_message',
      timestamp: '1795512345678',
      message: { msg_id: '52d810bb1e65490aba8403c335d5b93c', delivery_time: '1795512345000' },
      recipient: { id: '84912345678' },
    } satisfies z.input<typeof ZaloWebhookBodySchema>,
  },
  responses: { 200: { received: true } },
};
