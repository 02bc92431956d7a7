import { defineOperation } from '../../../platform/api/operation';
import {
  ExceptionListSchema, ExceptionPathSchema, ExceptionsQuerySchema, FinanceExceptionSchema, FinanceSummarySchema, ManualRefundSchema, RefundIdempotencyHeadersSchema,
  RefundItemPathSchema, RefundListSchema, RefundPathSchema, RefundRequestSchema, RefundSchema, ResolutionSchema, SummaryQuerySchema,
} from './schemas';
import { confirmManualRefundExamples, financeSummaryExamples, listExceptionsExamples, listRefundsExamples, requestRefundExamples, resolveExceptionExamples } from './examples';

export const requestRefundOperation = /* @__PURE__ */ defineOperation({
  operationId: 'requestRefund',
  method: 'POST',
  path: '/v1/payments/{paymentId}/refunds',
  summary: 'Refund all or part of a succeeded payment of one\u2019s agency (Idempotency-Key required)',
  description:
    'The refunds of a payment never exceed what it took (409 REFUND_EXCEEDS_PAYMENT names what remains). VNPay refunds go through its refund API ' +
    '(02 full, 03 partial); a bank transfer has none, so the refund waits for the agency to confirm its own transfer. With `exceptionId` ' +
    '(an open exception about this payment) the refund resolves it once done, and draws on the money that exception holds when that money ' +
    'came beside the payment (a wrong amount, a second transfer). Refunded money is booked by fee kind (unclaimed money first, then phí, ' +
    'lệ phí and postage pro rata) and the phí and lệ phí given back get adjusting e-receipts.',
  tags: ['finance'],
  auth: 'agency',
  request: { params: RefundPathSchema, headers: RefundIdempotencyHeadersSchema, body: RefundRequestSchema },
  responses: { 201: { description: 'Refund recorded (and submitted where the provider has a refund API)', schema: RefundSchema } },
  errors: ['NOT_FOUND', 'PAYMENT_NOT_REFUNDABLE', 'REFUND_EXCEEDS_PAYMENT', 'MONEY_NOT_BOOKED_YET', 'EXCEPTION_ALREADY_RESOLVED', 'IDEMPOTENCY_KEY_REUSED', 'REQUEST_IN_PROGRESS'],
  examples: requestRefundExamples,
});

export const listRefundsOperation = /* @__PURE__ */ defineOperation({
  operationId: 'listRefunds',
  method: 'GET',
  path: '/v1/payments/{paymentId}/refunds',
  summary: 'Refunds of a payment of one\u2019s agency, and what remains refundable',
  tags: ['finance'],
  auth: 'agency',
  request: { params: RefundPathSchema },
  responses: { 200: { description: 'Refunds', schema: RefundListSchema } },
  errors: ['NOT_FOUND'],
  examples: listRefundsExamples,
});

export const confirmManualRefundOperation = /* @__PURE__ */ defineOperation({
  operationId: 'confirmManualRefund',
  method: 'POST',
  path: '/v1/payments/{paymentId}/refunds/{refundId}/confirmation',
  summary: 'The agency transferred a manual refund to the citizen\u2019s account: record it',
  tags: ['finance'],
  auth: 'agency',
  request: { params: RefundItemPathSchema, body: ManualRefundSchema },
  responses: { 200: { description: 'Refunded', schema: RefundSchema } },
  errors: ['NOT_FOUND', 'INVALID_REFUND_TRANSITION'],
  examples: confirmManualRefundExamples,
});

export const listExceptionsOperation = /* @__PURE__ */ defineOperation({
  operationId: 'listFinanceExceptions',
  method: 'GET',
  path: '/v1/finance/exceptions',
  summary: 'Money needing attention: mismatches, second and late successes, unmatched transfers, reconciliation differences',
  description: 'agencyCode=UNASSIGNED lists money whose agency is not known yet (visible to every agency until one matches it).',
  tags: ['finance'],
  auth: 'agency',
  request: { query: ExceptionsQuerySchema },
  responses: { 200: { description: 'Exceptions, oldest first', schema: ExceptionListSchema } },
  examples: listExceptionsExamples,
});

export const resolveExceptionOperation = /* @__PURE__ */ defineOperation({
  operationId: 'resolveFinanceException',
  method: 'POST',
  path: '/v1/finance/exceptions/{exceptionId}/resolution',
  summary: 'Resolve an exception by a refund done, a manual match to a dossier, or a note (audited)',
  tags: ['finance'],
  auth: 'agency',
  request: { params: ExceptionPathSchema, body: ResolutionSchema },
  responses: { 200: { description: 'Resolved', schema: FinanceExceptionSchema } },
  errors: ['NOT_FOUND', 'EXCEPTION_ALREADY_RESOLVED'],
  examples: resolveExceptionExamples,
});

export const financeSummaryOperation = /* @__PURE__ */ defineOperation({
  operationId: 'financeSummary',
  method: 'GET',
  path: '/v1/finance/summary',
  summary: 'Ledger totals of one agency for one Viet Nam date: collected, refunded, pending, open exceptions, by provider and fee kind',
  tags: ['finance'],
  auth: 'agency',
  request: { query: SummaryQuerySchema },
  responses: { 200: { description: 'Totals in VND', schema: FinanceSummarySchema } },
  examples: financeSummaryExamples,
});
