import { createHmac, timingSafeEqual } from 'node:crypto';
import { readVietnamTimestamp, vietnamTimestamp } from '../../../../platform/kernel/time';

/**
 * VNPay PAY API 2.1.0 as pure functions (payments.md). Amounts cross this edge ×100 and dates in
 * GMT+7; everywhere else they are integer VND and UTC instants.
 */
export const VNPAY_VERSION = '2.1.0';

export type VnpParams = Record<string, string>;

/** application/x-www-form-urlencoded, as VNPay's reference code encodes: space is `+`. */
function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

/** The signed data: vnp_* parameters except the hash fields, sorted by key, form-encoded. */
export function signingData(params: VnpParams): string {
  return Object.keys(params)
    .filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType')
    .sort()
    .map((k) => `${formEncode(k)}=${formEncode(params[k]!)}`)
    .join('&');
}

export function hmacSha512(secret: string, data: string): string {
  return createHmac('sha512', secret).update(data, 'utf8').digest('hex');
}

export function signParams(params: VnpParams, secret: string): VnpParams {
  return { ...params, vnp_SecureHash: hmacSha512(secret, signingData(params)) };
}

/** Constant-time check of vnp_SecureHash over the parameters as received. */
export function verifyParams(params: VnpParams, secret: string): boolean {
  const given = params.vnp_SecureHash;
  if (!given || !/^[0-9a-fA-F]{128}$/.test(given)) return false;
  const expected = Buffer.from(hmacSha512(secret, signingData(params)), 'hex');
  return timingSafeEqual(expected, Buffer.from(given.toLowerCase(), 'hex'));
}

/** vnp_Amount is VND × 100 in at most 12 digits (payments.md). */
export const VNP_AMOUNT_MAX_DIGITS = 12;

/** The largest amount in VND vnp_Amount carries: 999999999900 is 12 digits. */
export const VNPAY_MAX_AMOUNT = 9_999_999_999;

export function toVnpAmount(vnd: number): string {
  const wire = String(vnd * 100);
  // Callers check the provider's maxAmount first; this guard keeps an oversized amount off the wire anyway.
  if (!Number.isSafeInteger(vnd) || vnd < 0 || wire.length > VNP_AMOUNT_MAX_DIGITS) throw new RangeError(`${vnd} VND does not fit vnp_Amount`);
  return wire;
}

/** vnp_Amount back to VND; undefined when it is longer than 12 digits or not a whole number of đồng ×100. */
export function fromVnpAmount(value: string | undefined): number | undefined {
  if (!value || !/^\d{1,12}$/.test(value)) return undefined;
  const raw = Number(value);
  return raw % 100 === 0 ? raw / 100 : undefined;
}

/** vnp_OrderInfo allows ASCII letters, digits, space and . , : _ - only. */
export function orderInfo(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9 .,:_-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 255);
}

export interface PaymentUrlInput {
  readonly gatewayUrl: string;
  readonly tmnCode: string;
  readonly secret: string;
  readonly txnRef: string;
  readonly amount: number;
  readonly orderInfo: string;
  readonly returnUrl: string;
  readonly ipAddr: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly locale?: 'vn' | 'en';
}

export function paymentUrl(input: PaymentUrlInput): string {
  const params = signParams(
    {
      vnp_Version: VNPAY_VERSION,
      vnp_Command: 'pay',
      vnp_TmnCode: input.tmnCode,
      vnp_Amount: toVnpAmount(input.amount),
      vnp_CurrCode: 'VND',
      vnp_TxnRef: input.txnRef,
      vnp_OrderInfo: orderInfo(input.orderInfo),
      vnp_OrderType: 'other',
      vnp_Locale: input.locale ?? 'vn',
      vnp_ReturnUrl: input.returnUrl,
      vnp_IpAddr: input.ipAddr,
      vnp_CreateDate: vietnamTimestamp(input.createdAt),
      vnp_ExpireDate: vietnamTimestamp(input.expiresAt),
    },
    input.secret,
  );
  const query = Object.entries(params)
    .map(([k, v]) => `${formEncode(k)}=${formEncode(v)}`)
    .join('&');
  return `${input.gatewayUrl}?${query}`;
}

/** The merchant's answers to an IPN, in the order the checks run. */
export const IpnReply = {
  CONFIRMED: { RspCode: '00', Message: 'Confirm Success' },
  ORDER_NOT_FOUND: { RspCode: '01', Message: 'Order not found' },
  ALREADY_CONFIRMED: { RspCode: '02', Message: 'Order already confirmed' },
  INVALID_AMOUNT: { RspCode: '04', Message: 'Invalid amount' },
  INVALID_CHECKSUM: { RspCode: '97', Message: 'Invalid Checksum' },
  UNKNOWN_ERROR: { RspCode: '99', Message: 'Unknown error' },
} as const;
export type IpnReplyBody = (typeof IpnReply)[keyof typeof IpnReply];

export type GatewayOutcome = 'succeeded' | 'cancelled' | 'expired' | 'failed';

/** Success only when both codes are 00; 24 is the customer's cancel, 11 the gateway's timeout. */
export function gatewayOutcome(responseCode: string | undefined, transactionStatus: string | undefined): GatewayOutcome {
  if (responseCode === '00' && transactionStatus === '00') return 'succeeded';
  if (responseCode === '24') return 'cancelled';
  if (responseCode === '11') return 'expired';
  return 'failed';
}

/** `vnp_PayDate` as an instant; undefined when absent or malformed. */
export const payDate: (value: string | undefined) => Date | undefined = readVietnamTimestamp;

/** querydr: HMAC-SHA512 over pipe-joined fields in VNPay's fixed order. */
export function querydrRequest(input: {
  tmnCode: string;
  secret: string;
  requestId: string;
  txnRef: string;
  transactionDate: Date;
  createdAt: Date;
  ipAddr: string;
}): VnpParams {
  const params = {
    vnp_RequestId: input.requestId,
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'querydr',
    vnp_TmnCode: input.tmnCode,
    vnp_TxnRef: input.txnRef,
    vnp_OrderInfo: orderInfo(`Truy van giao dich ${input.txnRef}`),
    vnp_TransactionDate: vietnamTimestamp(input.transactionDate),
    vnp_CreateDate: vietnamTimestamp(input.createdAt),
    vnp_IpAddr: input.ipAddr,
  };
  const data = [
    params.vnp_RequestId, params.vnp_Version, params.vnp_Command, params.vnp_TmnCode, params.vnp_TxnRef,
    params.vnp_TransactionDate, params.vnp_CreateDate, params.vnp_IpAddr, params.vnp_OrderInfo,
  ].join('|');
  return { ...params, vnp_SecureHash: hmacSha512(input.secret, data) };
}

const QUERYDR_RESPONSE_FIELDS = [
  'vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount', 'vnp_BankCode',
  'vnp_PayDate', 'vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus', 'vnp_OrderInfo', 'vnp_PromotionCode', 'vnp_PromotionAmount',
] as const;

export function signQuerydrResponse(params: VnpParams, secret: string): VnpParams {
  return { ...params, vnp_SecureHash: hmacSha512(secret, QUERYDR_RESPONSE_FIELDS.map((f) => params[f] ?? '').join('|')) };
}

export function verifyQuerydrResponse(params: VnpParams, secret: string): boolean {
  const expected = hmacSha512(secret, QUERYDR_RESPONSE_FIELDS.map((f) => params[f] ?? '').join('|'));
  const given = params.vnp_SecureHash ?? '';
  return given.length === expected.length && timingSafeEqual(Buffer.from(expected), Buffer.from(given.toLowerCase()));
}
