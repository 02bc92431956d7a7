/** A push as the portal receives it: a dossier paid online, now processing (parsed by its schema in the examples test, as part of the list's). */
export const EXAMPLE_EVENT = {
  id: 'evt_5b0e3f4a9c2d41e8a7f60b1c2d3e4f50',
  type: 'payment.status_changed',
  version: 1,
  occurredAt: '2026-11-21T02:15:04.353Z',
  dossierNo: 'H31.26-261121-0001',
  agencyCode: 'HP-STP',
  sequence: 3,
  status: 'PROCESSING',
  previousStatus: 'AWAITING_PAYMENT',
  payment: { paymentId: 'pay_Z24KLH4E9CTJ9FSWEDZH6E4N', provider: 'vnpay', amount: 200000, status: 'succeeded', paidAt: '2026-11-21T02:15:01.000Z' },
} as const;
