import * as z from '../../../platform/api/zod';
import { DossierPathSchema } from '../../dossiers';
import { CreateBasketPaymentRequestSchema, CreatePaymentRequestSchema, IdempotencyHeadersSchema, PaymentPathSchema, PaymentSchema, TransferAckSchema, TransferNotificationSchema } from './payment';
import { defineOperation } from '../../../platform/api/operation';
import { SignatureHeadersSchema } from '../../../platform/api/common';
import { VnpayCallbackQuerySchema } from './vnpay-query';
import { createBasketPaymentExamples, createPaymentExamples, getPaymentExamples, vietqrWebhookExamples, vnpayIpnExamples, vnpayReturnExamples } from './examples';

export const createPaymentOperation = /* @__PURE__ */ defineOperation({
  operationId: 'createPayment',
  method: 'POST',
  path: '/v1/dossiers/{dossierNo}/payments',
  summary: 'Start paying the amount due on one\u2019s dossier (Idempotency-Key required)',
  description:
    'The amount is the dossier\u2019s current amount due. A pending payment is returned (200) rather than duplicated until it expires. ' +
    'The same Idempotency-Key and body answer the same response; the same key with another body answers 409. ' +
    'A provider that does not start the payment (the national platform\u2019s INIT unreachable, timed out, failing or refusing) answers 502 PROVIDER_UNAVAILABLE; ' +
    'nothing is kept, so the same request may be sent again with the same key, or another provider chosen.',
  tags: ['payments'],
  auth: 'citizen',
  request: { params: DossierPathSchema, headers: IdempotencyHeadersSchema, body: CreatePaymentRequestSchema },
  responses: { 201: { description: 'Payment started', schema: PaymentSchema }, 200: { description: 'The live payment of the dossier', schema: PaymentSchema } },
  errors: ['NOT_FOUND', 'NOT_AWAITING_PAYMENT', 'NOTHING_DUE', 'AMOUNT_OVER_PROVIDER_LIMIT', 'IDEMPOTENCY_KEY_REUSED', 'REQUEST_IN_PROGRESS', 'PROVIDER_UNAVAILABLE'],
  examples: createPaymentExamples,
});

export const createBasketPaymentOperation = /* @__PURE__ */ defineOperation({
  operationId: 'createBasketPayment',
  method: 'POST',
  path: '/v1/payments',
  summary: 'Pay several of one\u2019s dossiers at once: one payment for the sum of their amounts due (Idempotency-Key required)',
  description:
    'Every dossier must be the caller\u2019s (else 403 DOSSIER_NOT_YOURS), processed by one agency (else 422 BASKET_SPANS_AGENCIES) and payable now, ' +
    'in no other live payment (else 409 DOSSIERS_NOT_PAYABLE); details name each refused dossier by its position (`dossierNos.<i>`). ' +
    'One confirmation by the provider settles every dossier, each for its share; a wrong amount settles none. ' +
    'The same basket while its payment is live is answered with that payment (200). Idempotency as for one dossier.',
  tags: ['payments'],
  auth: 'citizen',
  request: { headers: IdempotencyHeadersSchema, body: CreateBasketPaymentRequestSchema },
  responses: { 201: { description: 'Payment started', schema: PaymentSchema }, 200: { description: 'The live payment of this very basket', schema: PaymentSchema } },
  errors: ['DOSSIER_NOT_YOURS', 'BASKET_SPANS_AGENCIES', 'DOSSIERS_NOT_PAYABLE', 'AMOUNT_OVER_PROVIDER_LIMIT', 'IDEMPOTENCY_KEY_REUSED', 'REQUEST_IN_PROGRESS', 'PROVIDER_UNAVAILABLE'],
  examples: createBasketPaymentExamples,
});

export const getPaymentOperation = /* @__PURE__ */ defineOperation({
  operationId: 'getPayment',
  method: 'GET',
  path: '/v1/payments/{paymentId}',
  summary: 'Status of one\u2019s payment',
  tags: ['payments'],
  auth: 'citizen',
  request: { params: PaymentPathSchema },
  responses: { 200: { description: 'The payment', schema: PaymentSchema } },
  errors: ['NOT_FOUND'],
  examples: getPaymentExamples,
});

const IpnReplySchema = z.strictObject({ RspCode: z.string(), Message: z.string() }).register(z.globalRegistry, { id: 'VnpayIpnReply' });

export const vnpayIpnOperation = /* @__PURE__ */ defineOperation({
  operationId: 'vnpayIpn',
  method: 'GET',
  path: '/v1/callbacks/vnpay/ipn',
  summary: 'VNPay IPN (PAY 2.1.0): signed result of a payment',
  description: 'Checks in order: checksum (97), order (01), amount (04), still pending (02), durable write, 00. A failed payment is recorded and answered 00.',
  tags: ['callbacks'],
  auth: 'signed',
  request: { query: VnpayCallbackQuerySchema },
  responses: { 200: { description: 'VNPay reply', schema: IpnReplySchema } },
  examples: vnpayIpnExamples,
});

export const vnpayReturnOperation = /* @__PURE__ */ defineOperation({
  operationId: 'vnpayReturn',
  method: 'GET',
  path: '/v1/callbacks/vnpay/return',
  summary: 'Browser return from VNPay: verifies, changes nothing, redirects to the payment\u2019s returnUrl',
  tags: ['callbacks'],
  auth: 'signed',
  request: { query: VnpayCallbackQuerySchema },
  responses: {
    302: {
      description: 'Redirect to the portal with paymentId and status',
      headers: { Location: { description: 'the payment\u2019s returnUrl with paymentId and status added', example: 'https://dichvucong.haiphong.gov.vn/thanh-toan/ket-qua?paymentId=pay_Z24KLH4E9CTJ9FSWEDZH6E4N&status=succeeded' } },
    },
  },
  errors: ['NOT_FOUND', 'BUSINESS_RULE_VIOLATION'],
  examples: vnpayReturnExamples,
});

export const vietqrWebhookOperation = /* @__PURE__ */ defineOperation({
  operationId: 'vietqrWebhook',
  method: 'POST',
  path: '/v1/callbacks/vietqr',
  summary: 'Signed bank-transfer notification (X-Signature: t=<unix>,v1=<HMAC-SHA256 of "t.rawBody">)',
  tags: ['callbacks'],
  auth: 'signed',
  request: { headers: SignatureHeadersSchema, body: TransferNotificationSchema },
  responses: { 200: { description: 'Processed (also for duplicates, mismatches and unmatched transfers)', schema: TransferAckSchema } },
  errors: ['UNAUTHORIZED'],
  examples: vietqrWebhookExamples,
});
