import type * as z from '../../../platform/api/zod';
import type { OperationExamples } from '../../../platform/api/operation';
import type { CreateBasketPaymentRequestSchema, CreatePaymentRequestSchema, PaymentSchema, TransferAckSchema, TransferNotificationSchema } from './payment';
import { vnpayCallbackQueryExample } from './vnpay-query';

const dossierNo = 'H31.26-261121-0001';
const idempotencyKey = '7f9c2b1e-4d2a-4f7b-9a61-0c3e5d8b2a10';
const returnUrl = 'https://dichvucong.haiphong.gov.vn/thanh-toan/ket-qua';

const vnpayRedirect =
  'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html?vnp_Amount=1000000&vnp_Command=pay&vnp_CreateDate=20261121091230&vnp_CurrCode=VND' +
  '&vnp_ExpireDate=20261121092730&vnp_IpAddr=113.160.92.17&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+phi+ho+so+H31.26-261121-0001&vnp_OrderType=other' +
  '&vnp_ReturnUrl=https%3A%2F%2Fapi.dichvucong.haiphong.gov.vn%2Fv1%2Fcallbacks%2Fvnpay%2Freturn&vnp_TmnCode=TOANTR01&vnp_TxnRef=Z24KLH4E9CTJ9FSWEDZH6E4N' +
  '&vnp_Version=2.1.0&vnp_SecureHash=b7e82a7e2c554b6bd4940c418943e4ac388ff4546c47c86590e2b095093e0d5dd127cfa5fd2183ca039ec33450238a05a99f805c939f89ad6c18fb97dbbc6790';

const pendingVnpay = {
  paymentId: 'pay_Z24KLH4E9CTJ9FSWEDZH6E4N',
  dossierNo,
  dossierNos: [dossierNo],
  shares: [{ dossierNo, amount: 10000 }],
  provider: 'vnpay',
  amount: 10000,
  currency: 'VND',
  status: 'pending',
  redirectUrl: vnpayRedirect,
  expiresAt: '2026-11-21T02:27:30.250Z',
  createdAt: '2026-11-21T02:12:30.250Z',
} satisfies z.input<typeof PaymentSchema>;

const pendingVietqr = {
  paymentId: 'pay_3KQ7M2ZP9XW4HC8RTBV6NDJA',
  dossierNo,
  dossierNos: [dossierNo, 'H31.26-261121-0002'],
  shares: [
    { dossierNo, amount: 10000 },
    { dossierNo: 'H31.26-261121-0002', amount: 22000 },
  ],
  provider: 'vietqr',
  amount: 32000,
  currency: 'VND',
  status: 'pending',
  qr: {
    payload: '00020101021238570010A000000727012700069704150113113000006868680208QRIBFTTA530370454053200058020VN62200816TT3KQ7M2ZP9XW4HC63047C1A',
    bankBin: '970415',
    accountNo: '113000006868',
    accountName: 'UBND PHUONG HONG BANG',
    memo: 'TT3KQ7M2ZP9XW4HC',
  },
  expiresAt: '2026-11-22T02:12:30.000Z',
  createdAt: '2026-11-21T02:12:30.000Z',
} satisfies z.input<typeof PaymentSchema>;

export const createPaymentExamples: OperationExamples = {
  request: {
    params: { dossierNo },
    headers: { 'idempotency-key': idempotencyKey },
    body: { provider: 'vnpay', returnUrl } satisfies z.input<typeof CreatePaymentRequestSchema>,
  },
  responses: { 201: pendingVnpay, 200: pendingVnpay },
};

export const createBasketPaymentExamples: OperationExamples = {
  request: {
    headers: { 'idempotency-key': 'c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f' },
    body: { dossierNos: [dossierNo, 'H31.26-261121-0002'], provider: 'vietqr', returnUrl } satisfies z.input<typeof CreateBasketPaymentRequestSchema>,
  },
  responses: { 201: pendingVietqr, 200: pendingVietqr },
};

export const getPaymentExamples: OperationExamples = {
  request: { params: { paymentId: pendingVnpay.paymentId } },
  responses: { 200: { ...pendingVnpay, status: 'succeeded', completedAt: '2026-11-21T02:15:04.135Z' } },
};

export const vnpayIpnExamples: OperationExamples = {
  request: { query: vnpayCallbackQueryExample },
  responses: { 200: { RspCode: '00', Message: 'Confirm Success' } },
};

export const vnpayReturnExamples: OperationExamples = { request: { query: vnpayCallbackQueryExample }, responses: {} };

export const vietqrWebhookExamples: OperationExamples = {
  request: {
    headers: { 'x-signature': 't=1795512300,v1=9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f' },
    body: {
      eventId: 'VCB-20261121-000184',
      reference: 'TT3KQ7M2ZP9XW4HC',
      amount: 32000,
      transactionId: 'FT26325123456',
      paidAt: '2026-11-21T02:20:11Z',
      bankCode: 'VCB',
      description: 'TT3KQ7M2ZP9XW4HC NGUYEN THI LAN chuyen tien',
    } satisfies z.input<typeof TransferNotificationSchema>,
  },
  responses: { 200: { result: 'applied' } satisfies z.input<typeof TransferAckSchema> },
};
