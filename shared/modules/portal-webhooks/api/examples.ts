import type * as z from '../../../platform/api/zod';
import type { OperationExamples } from '../../../platform/api/operation';
import type { WebhookDeliveryListSchema } from './schemas';
import { EXAMPLE_EVENT } from './example-event';

const RECEIVER = 'https://dichvucong.haiphong.gov.vn/api/toantrinh-webhooks';

export const listWebhookDeliveriesExamples: OperationExamples = {
  request: { query: { dossierNo: EXAMPLE_EVENT.dossierNo, limit: '20' } },
  responses: {
    200: {
      items: [
        {
          webhookId: 'evt_9d1c0a7e55b24f3c8e61a0b2c3d4e5f6',
          dossierNo: EXAMPLE_EVENT.dossierNo,
          sequence: 2,
          type: 'dossier.status_changed',
          status: 'delivered',
          event: { id: 'evt_9d1c0a7e55b24f3c8e61a0b2c3d4e5f6', type: 'dossier.status_changed', version: 1, occurredAt: '2026-11-21T02:10:00.120Z', dossierNo: EXAMPLE_EVENT.dossierNo, agencyCode: 'HP-STP', sequence: 2, status: 'AWAITING_PAYMENT', previousStatus: null },
          attempts: [{ attempt: 1, at: '2026-11-21T02:10:00.412Z', url: RECEIVER, statusCode: 200, latencyMs: 92 }],
          deliveredAt: '2026-11-21T02:10:00.412Z',
          createdAt: '2026-11-21T02:10:00.301Z',
          updatedAt: '2026-11-21T02:10:00.412Z',
        },
        {
          webhookId: EXAMPLE_EVENT.id,
          dossierNo: EXAMPLE_EVENT.dossierNo,
          sequence: 3,
          type: EXAMPLE_EVENT.type,
          status: 'delivered',
          event: EXAMPLE_EVENT,
          attempts: [
            { attempt: 1, at: '2026-11-21T02:15:04.611Z', url: RECEIVER, statusCode: 503, latencyMs: 412, error: 'HTTP 503', nextAttemptAt: '2026-11-21T02:16:04.611Z' },
            { attempt: 2, at: '2026-11-21T02:16:05.020Z', url: RECEIVER, latencyMs: 10003, error: 'timeout', nextAttemptAt: '2026-11-21T02:21:05.020Z' },
            { attempt: 3, at: '2026-11-21T02:21:05.388Z', url: RECEIVER, statusCode: 200, latencyMs: 87 },
          ],
          deliveredAt: '2026-11-21T02:21:05.388Z',
          createdAt: '2026-11-21T02:15:04.530Z',
          updatedAt: '2026-11-21T02:21:05.388Z',
        },
      ],
    } satisfies z.input<typeof WebhookDeliveryListSchema>,
  },
};
