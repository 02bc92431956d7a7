import type * as z from '../../../platform/api/zod';
import type { OperationExamples } from '../../../platform/api/operation';
import type { DeliverySchema, PostalWebhookResultSchema } from './delivery';
import type { RegisterDeliveryRequestSchema } from './delivery-request';

const dossierNo = 'H31.26-261121-0001';

const request = {
  recipient: { fullName: 'Nguyễn Thị Lan', phone: '0912345678' },
  address: { provinceCode: '31', communeCode: '11311', street: 'Số 12 Lê Lợi' },
  postagePayer: 'on_delivery',
} satisfies z.input<typeof RegisterDeliveryRequestSchema>;

const requested = {
  deliveryId: 'dlv_99fdd9b7a73bcbe2171e4860',
  dossierNo,
  status: 'REQUESTED',
  postage: 22000,
  postagePayer: 'on_delivery',
  codAmount: 22000,
  recipient: { fullName: 'Nguyễn Thị Lan', phone: '+84912345678' },
  address: { provinceCode: '31', communeCode: '11311', street: 'Số 12 Lê Lợi' },
  addressCheck: { communeChecked: true },
  failedAttempts: 0,
  timeline: [{ at: '2026-11-21T02:20:24.544Z', receivedAt: '2026-11-21T02:20:24.544Z', status: 'REQUESTED', moved: true, source: 'registration' }],
  createdAt: '2026-11-21T02:20:24.544Z',
  updatedAt: '2026-11-21T02:20:24.544Z',
} satisfies z.input<typeof DeliverySchema>;

const inTransit = {
  ...requested,
  status: 'IN_TRANSIT',
  trackingNumber: 'EB535292550VN',
  timeline: [
    ...requested.timeline,
    { at: '2026-11-24T08:00:28.929Z', receivedAt: '2026-11-24T08:00:28.929Z', status: 'ORDER_CREATED', moved: true, source: 'order', note: 'tracking EB535292550VN' },
    { at: '2026-11-24T09:41:00.000Z', receivedAt: '2026-11-24T09:41:02.310Z', status: 'PICKED_UP', moved: true, source: 'webhook', eventId: 'VNP-EB535292550VN-1', location: 'Bưu cục Hồng Bàng' },
    { at: '2026-11-24T15:05:00.000Z', receivedAt: '2026-11-24T15:05:01.870Z', status: 'IN_TRANSIT', moved: true, source: 'webhook', eventId: 'VNP-EB535292550VN-2', location: 'Trung tâm khai thác Hải Phòng' },
  ],
  updatedAt: '2026-11-24T15:05:01.870Z',
} satisfies z.input<typeof DeliverySchema>;

export const registerDeliveryExamples: OperationExamples = {
  request: { params: { dossierNo }, body: request },
  responses: { 201: requested },
};

export const getDeliveryExamples: OperationExamples = {
  request: { params: { dossierNo } },
  responses: { 200: inTransit },
};

export const postalWebhookExamples: OperationExamples = {
  request: {
    headers: { 'x-signature': 't=1795512300,v1=5d41402abc4b2a76b9719d911017c592a3f1e0b7c4d6e8f9a0b1c2d3e4f5a6b7' },
    body: [
      { eventId: 'VNP-EB535292550VN-3', trackingNumber: 'EB535292550VN', status: 'OUT_FOR_DELIVERY', occurredAt: '2026-11-25T01:30:00Z', location: 'Bưu cục Hồng Bàng' },
      { eventId: 'VNP-EB535292550VN-4', trackingNumber: 'EB535292550VN', status: 'DELIVERED', occurredAt: '2026-11-25T03:12:00Z', location: 'Số 12 Lê Lợi, phường Hồng Bàng' },
    ],
  },
  responses: {
    200: {
      results: [
        { eventId: 'VNP-EB535292550VN-3', index: 0, result: 'applied' },
        { eventId: 'VNP-EB535292550VN-4', index: 1, result: 'applied' },
      ],
    } satisfies z.input<typeof PostalWebhookResultSchema>,
  },
};
