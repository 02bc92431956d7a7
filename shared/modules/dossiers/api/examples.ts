import type * as z from '../../../platform/api/zod';
import type { OperationExamples } from '../../../platform/api/operation';
import type { FeeAssessmentSchema } from '../../fees';
import type { DossierSchema, EventAcceptedSchema, ResultReadyRequestSchema } from './dossier';
import type { RegisterDossierRequestSchema } from './registration';
import type { DossierPageSchema } from './listing';

export const dossierNoExample = 'H31.26-261121-0001';

/** The ward's one-stop system registers a certified-copy dossier submitted online. */
const registration = {
  procedureCode: '2.000815',
  agencyCode: 'HP-PX',
  channel: 'online',
  submittedAt: '2026-11-21T02:00:00Z',
  applicant: { citizenId: '031099012345', fullName: 'Nguyễn Thị Lan', phone: '0912345678', email: 'lan.nguyen@example.vn' },
  inputs: { pages: 3, copies: 2 },
} satisfies z.input<typeof RegisterDossierRequestSchema>;

const fees = {
  scheduleVersion: 'TT226-2016',
  submittedAt: '2026-11-21T02:00:00.000Z',
  assessedAt: '2026-11-21T02:00:05.120Z',
  items: [
    {
      kind: 'fee',
      code: 'copy_certification',
      label: { vi: 'Phí chứng thực bản sao từ bản chính', en: 'Fee for certifying a copy' },
      amount: 10000,
      basis: '3 trang × 2 bản: 2×2.000 + 1×1.000 (5.000 × 2)',
      legalBasis: 'Thông tư 226/2016/TT-BTC, Điều 4 khoản 1',
    },
  ],
  reductions: [],
  total: 10000,
  currency: 'VND',
} satisfies z.input<typeof FeeAssessmentSchema>;

const applicant = { citizenId: '031099012345', fullName: 'Nguyễn Thị Lan', phone: '+84912345678', email: 'lan.nguyen@example.vn' };

/** Just registered: fees assessed and locked, awaiting payment. */
export const registeredDossierExample = {
  dossierNo: dossierNoExample,
  procedureCode: '2.000815',
  agencyCode: 'HP-PX',
  channel: 'online',
  submittedAt: '2026-11-21T02:00:00.000Z',
  applicant,
  status: 'AWAITING_PAYMENT',
  nationalPortalStatus: 6,
  fees,
  amountDue: 10000,
  payments: [],
  level4: { completed: false },
  timeline: [
    { at: '2026-11-21T02:00:05.120Z', from: null, to: 'RECEIVED', cause: 'DossierRegistered', applied: true },
    { at: '2026-11-21T02:00:05.120Z', from: 'RECEIVED', to: 'AWAITING_PAYMENT', cause: 'DossierRegistered', applied: true, note: 'fees owed' },
  ],
  version: 1,
  createdAt: '2026-11-21T02:00:05.120Z',
  updatedAt: '2026-11-21T02:00:05.120Z',
} satisfies z.input<typeof DossierSchema>;

/** Paid by VNPay, paper result ready and on its way by post. */
export const dossierInProgressExample = {
  ...registeredDossierExample,
  status: 'RESULT_READY',
  nationalPortalStatus: 9,
  amountDue: 0,
  payments: [{ paymentId: 'pay_Z24KLH4E9CTJ9FSWEDZH6E4N', provider: 'vnpay', amount: 10000, status: 'succeeded', paidAt: '2026-11-21T02:15:02.000Z' }],
  result: { kind: 'paper', documentRef: 'BS-2026/000123', issuedAt: '2026-11-24T08:00:00.000Z' },
  delivery: { deliveryId: 'dlv_99fdd9b7a73bcbe2171e4860', status: 'ORDER_CREATED', postage: 22000, postagePayer: 'on_delivery' },
  timeline: [
    ...registeredDossierExample.timeline,
    { at: '2026-11-21T02:15:04.220Z', from: 'AWAITING_PAYMENT', to: 'PROCESSING', cause: 'PaymentSucceeded', eventId: 'payment-succeeded-pay_Z24KLH4E9CTJ9FSWEDZH6E4N', applied: true },
    { at: '2026-11-24T08:00:02.822Z', from: 'PROCESSING', to: 'RESULT_READY', cause: 'ResultReady', eventId: 'ResultReady-a126d2f2a15b9dc6253cb9c33cb4d06f842a6e65', applied: true, note: 'paper result' },
  ],
  version: 5,
  updatedAt: '2026-11-24T08:00:03.994Z',
  nationalPortalSync: { status: 'synced', attempts: 0, lastSyncedAt: '2026-11-24T08:00:04.073Z' },
  openFinanceExceptions: 0,
} satisfies z.input<typeof DossierSchema>;

export const registerDossierExamples: OperationExamples = {
  request: { params: { dossierNo: dossierNoExample }, body: registration },
  responses: { 201: registeredDossierExample, 200: registeredDossierExample },
};

export const getDossierExamples: OperationExamples = {
  request: { params: { dossierNo: dossierNoExample } },
  responses: { 200: dossierInProgressExample },
};

export const resultReadyExamples: OperationExamples = {
  request: {
    params: { dossierNo: dossierNoExample },
    body: { kind: 'paper', documentRef: 'BS-2026/000123', issuedAt: '2026-11-24T08:00:00Z' } satisfies z.input<typeof ResultReadyRequestSchema>,
  },
  responses: {
    202: { dossierNo: dossierNoExample, eventId: 'ResultReady-a126d2f2a15b9dc6253cb9c33cb4d06f842a6e65', type: 'ResultReady', status: 'accepted' } satisfies z.input<typeof EventAcceptedSchema>,
  },
};

export const collectedExamples: OperationExamples = {
  request: { params: { dossierNo: dossierNoExample }, body: { collectedAt: '2026-11-25T03:30:00Z' } },
  responses: { 202: { dossierNo: dossierNoExample, eventId: 'ResultCollected-5c1e0d7a9b3f4e2a8c6d1b0f9e8a7c6d5b4a3f2e', type: 'ResultCollected', status: 'accepted' } },
};

/** What a list shows of the registered example: no applicant, no timeline. */
const summaryExample = {
  dossierNo: dossierNoExample,
  procedureCode: '2.000815',
  agencyCode: 'HP-PX',
  channel: 'online',
  status: 'AWAITING_PAYMENT',
  submittedAt: '2026-11-21T02:00:00.000Z',
  updatedAt: '2026-11-21T02:00:05.120Z',
  feesTotal: 10000,
  amountDue: 10000,
  amountPaid: 0,
} as const;

export const listMyDossiersExamples: OperationExamples = {
  request: { query: { limit: '20' } },
  responses: {
    200: {
      items: [summaryExample, { ...summaryExample, dossierNo: 'H31.26-261015-0042', status: 'RESULT_RETURNED', submittedAt: '2026-10-15T01:20:00.000Z', updatedAt: '2026-10-20T09:00:00.000Z', amountDue: 0, amountPaid: 10000 }],
      nextCursor: 'eyJwayI6IkRPU1NJRVIjSDMxLjI2LTI2MTAxNS0wMDQyIiwiZ3NpMXNrIjoiMjAyNi0xMC0xNVQwMToyMDowMC4wMDBaI0gzMS4yNi0yNjEwMTUtMDA0MiJ9',
    } satisfies z.input<typeof DossierPageSchema>,
  },
};

export const listAgencyDossiersExamples: OperationExamples = {
  request: { params: { agencyCode: 'HP-PX' }, query: { status: 'AWAITING_PAYMENT', from: '2026-11-01', to: '2026-11-30', limit: '50' } },
  responses: { 200: { items: [summaryExample] } satisfies z.input<typeof DossierPageSchema> },
};
