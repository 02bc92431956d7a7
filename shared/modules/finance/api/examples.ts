import type * as z from '../../../platform/api/zod';
import type { OperationExamples } from '../../../platform/api/operation';
import type { FinanceExceptionSchema, FinanceSummarySchema, ManualRefundSchema, RefundListSchema, RefundRequestSchema, RefundSchema } from './schemas';

const paymentId = 'pay_Z24KLH4E9CTJ9FSWEDZH6E4N';

const refundRequest = { amount: 5000, reason: 'Thu thừa phí chứng thực 1 bản sao' } satisfies z.input<typeof RefundRequestSchema>;

const submittedRefund = {
  refundId: 'rfd_f5d86930decc4f06b04ff436df89ea1d',
  paymentId,
  amount: 5000,
  scope: 'partial',
  reason: 'Thu thừa phí chứng thực 1 bản sao',
  method: 'provider',
  status: 'submitted',
  requestedAt: '2026-11-26T03:00:34.572Z',
} satisfies z.input<ReturnType<typeof RefundSchema>>;

const manualRefund = {
  refundId: 'rfd_0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  paymentId: 'pay_Q8M2T6W4K9R3P7X5N1B0C2V4',
  amount: 27000,
  scope: 'full',
  reason: 'Hồ sơ bị từ chối tiếp nhận',
  method: 'manual',
  status: 'refunded',
  requestedAt: '2026-11-26T03:05:00.000Z',
  completedAt: '2026-11-27T02:40:00.000Z',
} satisfies z.input<ReturnType<typeof RefundSchema>>;

export const requestRefundExamples: OperationExamples = {
  request: { params: { paymentId }, headers: { 'idempotency-key': 'hoan-tien-H31.26-261121-0001-01' }, body: refundRequest },
  responses: { 201: submittedRefund },
};

export const listRefundsExamples: OperationExamples = {
  request: { params: { paymentId } },
  responses: { 200: { items: [{ ...submittedRefund, status: 'refunded', completedAt: '2026-11-26T03:01:10.000Z', providerCode: '00' }], refundable: 5000 } satisfies z.input<ReturnType<typeof RefundListSchema>> },
};

export const confirmManualRefundExamples: OperationExamples = {
  request: {
    params: { paymentId: manualRefund.paymentId, refundId: manualRefund.refundId },
    body: {
      bankName: 'Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank)',
      accountNo: '0031000123456',
      accountName: 'NGUYEN THI LAN',
      officer: 'Trần Văn Minh',
      transferReference: 'FT26331987654',
    } satisfies z.input<typeof ManualRefundSchema>,
  },
  responses: { 200: manualRefund },
};

const exception = {
  exceptionId: 'exc_vietqr:FT26325123',
  kind: 'unmatched_transfer',
  status: 'open',
  agencyCode: 'UNASSIGNED',
  provider: 'vietqr',
  amount: 32000,
  reason: 'Chuyển khoản không khớp mã thanh toán nào (nội dung: "TT H31 0001")',
  openedAt: '2026-11-21T04:12:09.000Z',
  reference: 'TT H31 0001',
} satisfies z.input<ReturnType<typeof FinanceExceptionSchema>>;

export const listExceptionsExamples: OperationExamples = {
  request: { query: { agencyCode: 'UNASSIGNED', status: 'open' } },
  responses: { 200: { items: [exception] } },
};

export const resolveExceptionExamples: OperationExamples = {
  request: {
    params: { exceptionId: exception.exceptionId },
    body: { kind: 'manual_match', note: 'Người nộp ghi sai nội dung chuyển khoản; khớp với hồ sơ theo số điện thoại', dossierNo: 'H31.26-261121-0001' },
  },
  responses: {
    200: {
      ...exception,
      status: 'resolved',
      agencyCode: 'HP-PX',
      dossierNo: 'H31.26-261121-0001',
      resolution: { kind: 'manual_match', by: 'agency:HP-PX', at: '2026-11-21T07:30:00.000Z', note: 'Người nộp ghi sai nội dung chuyển khoản; khớp với hồ sơ theo số điện thoại', dossierNo: 'H31.26-261121-0001' },
    } satisfies z.input<ReturnType<typeof FinanceExceptionSchema>>,
  },
};

const totals = (collected: number, refunded: number) => ({ collected, refunded, net: collected - refunded });
export const financeSummaryExamples: OperationExamples = {
  request: { query: { agencyCode: 'HP-PX', date: '2026-11-21' } },
  responses: {
    200: {
      agencyCode: 'HP-PX',
      date: '2026-11-21',
      currency: 'VND',
      collected: 1_284_000,
      refunded: 5000,
      net: 1_279_000,
      byProvider: { vnpay: totals(962_000, 5000), vietqr: totals(322_000, 0) },
      byFeeKind: { fee: totals(418_000, 5000), charge: totals(646_000, 0), postage: totals(220_000, 0), unallocated: totals(0, 0) },
      pendingRefunds: { count: 1, amount: 27000 },
      openExceptions: { count: 1, amount: 32000 },
    } satisfies z.input<ReturnType<typeof FinanceSummarySchema>>,
  },
};
