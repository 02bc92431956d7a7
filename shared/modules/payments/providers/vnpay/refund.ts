import { timingSafeEqual } from 'node:crypto';
import { vietnamTimestamp } from '../../../../platform/kernel/time';
import type { Payment } from '../../domain/payment';
import { hmacSha512, orderInfo, querydrRequest, toVnpAmount, verifyQuerydrResponse, VNPAY_VERSION, type VnpParams } from './protocol';
import type { VnpaySettings } from './settings';

/**
 * VNPay's refund API and querydr for a refund, as this project reads them. Not an official spec:
 * field order of both pipe-joined hashes is taken from community code agreeing with VNPay's page
 * https://sandbox.vnpayment.vn/apis/docs/truy-van-hoan-tien/querydr&refund.html ([C] integrations.md §5);
 * the reply's field order is (unverified) beyond that. Codes: 00 done, 94 already in progress (query,
 * never resend), 95 original not successful, 02/03/91/97 refused; anything else is unknown.
 */
export const REFUND_REQUEST_FIELDS = [
  'vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TransactionType', 'vnp_TxnRef', 'vnp_Amount',
  'vnp_TransactionNo', 'vnp_TransactionDate', 'vnp_CreateBy', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo',
] as const;

export const REFUND_RESPONSE_FIELDS = [
  'vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount', 'vnp_BankCode',
  'vnp_PayDate', 'vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus', 'vnp_OrderInfo',
] as const;

const pipe = (params: VnpParams, fields: readonly string[]) => fields.map((f) => params[f] ?? '').join('|');

export interface RefundRequestInput {
  readonly tmnCode: string;
  readonly secret: string;
  /** Unique within the day at VNPay: derived from our refund id, so a retry names the same request. */
  readonly requestId: string;
  /** 02 full, 03 partial. */
  readonly transactionType: '02' | '03';
  readonly txnRef: string;
  readonly amount: number;
  readonly transactionNo: string;
  /** The original payment's vnp_CreateDate: a different date is "transaction not found" (91). */
  readonly transactionDate: Date;
  readonly createBy: string;
  readonly createdAt: Date;
  readonly ipAddr: string;
  readonly orderInfo: string;
}

export function refundRequest(input: RefundRequestInput): VnpParams {
  const params: VnpParams = {
    vnp_RequestId: input.requestId,
    vnp_Version: VNPAY_VERSION,
    vnp_Command: 'refund',
    vnp_TmnCode: input.tmnCode,
    vnp_TransactionType: input.transactionType,
    vnp_TxnRef: input.txnRef,
    vnp_Amount: toVnpAmount(input.amount),
    vnp_TransactionNo: input.transactionNo,
    vnp_TransactionDate: vietnamTimestamp(input.transactionDate),
    vnp_CreateBy: orderInfo(input.createBy).slice(0, 250),
    vnp_CreateDate: vietnamTimestamp(input.createdAt),
    vnp_IpAddr: input.ipAddr,
    vnp_OrderInfo: orderInfo(input.orderInfo),
  };
  return { ...params, vnp_SecureHash: hmacSha512(input.secret, pipe(params, REFUND_REQUEST_FIELDS)) };
}

export function signRefundResponse(params: VnpParams, secret: string): VnpParams {
  return { ...params, vnp_SecureHash: hmacSha512(secret, pipe(params, REFUND_RESPONSE_FIELDS)) };
}

/** Constant-time check of the reply's vnp_SecureHash over the fields as received. */
export function verifyRefundResponse(params: VnpParams, secret: string): boolean {
  const given = params.vnp_SecureHash ?? '';
  if (!/^[0-9a-fA-F]{128}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(hmacSha512(secret, pipe(params, REFUND_RESPONSE_FIELDS)), 'hex'), Buffer.from(given.toLowerCase(), 'hex'));
}

/** What a provider says of a refund, normalised (the finance module's vocabulary). */
export type RefundAnswerOutcome = 'refunded' | 'processing' | 'not_refundable' | 'refused' | 'unknown';
export interface RefundAnswer {
  readonly outcome: RefundAnswerOutcome;
  readonly code?: string;
  readonly received?: Readonly<Record<string, unknown>>;
}

const REFUND_CODES: ReadonlyMap<string, RefundAnswerOutcome> = new Map([
  ['00', 'refunded'],
  ['94', 'processing'],
  ['95', 'not_refundable'],
  ['02', 'refused'],
  ['03', 'refused'],
  ['91', 'refused'],
  ['97', 'refused'],
]);

/** querydr's vnp_TransactionStatus on a refund transaction (02/03): 05/06 VNPay or the bank processing, 09 refused. */
const QUERY_REFUND_STATUS: ReadonlyMap<string, RefundAnswerOutcome> = new Map([
  ['00', 'refunded'],
  ['05', 'processing'],
  ['06', 'processing'],
  ['09', 'refused'],
]);

export function refundOutcome(code: string | undefined): RefundAnswerOutcome {
  return REFUND_CODES.get(code ?? '') ?? 'unknown';
}

/** A refund the provider can carry out, as the finance module asks for it. */
export interface RefundRequestOf {
  readonly refundId: string;
  readonly amount: number;
  readonly scope: 'full' | 'partial';
  readonly reason: string;
  readonly requestedBy: string;
  readonly providerRequestId: string;
}

/** The VNPay refund capability: submit once, then query; only signed answers about this order count. */
export class VnpayRefunds {
  readonly provider = 'vnpay' as const;

  constructor(
    private readonly settings: Pick<VnpaySettings, 'tmnCode' | 'hashSecret' | 'apiUrl'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async submit(payment: Payment, refund: RefundRequestOf): Promise<RefundAnswer> {
    const body = refundRequest({
      tmnCode: this.settings.tmnCode,
      secret: this.settings.hashSecret,
      requestId: refund.providerRequestId,
      transactionType: refund.scope === 'full' ? '02' : '03',
      txnRef: payment.providerRef,
      amount: refund.amount,
      transactionNo: payment.providerTransactionId ?? '',
      transactionDate: new Date(payment.createdAt),
      createBy: refund.requestedBy,
      createdAt: this.now(),
      ipAddr: '127.0.0.1',
      orderInfo: `Hoan tien ${payment.providerRef} ${refund.refundId}`,
    });
    const params = await this.post(body);
    if (!params || !verifyRefundResponse(params, this.settings.hashSecret)) return { outcome: 'unknown' };
    if (params.vnp_TxnRef !== payment.providerRef || params.vnp_TmnCode !== this.settings.tmnCode) return { outcome: 'unknown', received: params };
    return { outcome: refundOutcome(params.vnp_ResponseCode), code: params.vnp_ResponseCode ?? '', received: params };
  }

  /** querydr on the original order: the refund shows as its transaction type 02/03 with its own status. */
  async query(payment: Payment, refund: RefundRequestOf): Promise<RefundAnswer> {
    const body = querydrRequest({
      tmnCode: this.settings.tmnCode,
      secret: this.settings.hashSecret,
      requestId: `Q${refund.providerRequestId}`.slice(0, 32),
      txnRef: payment.providerRef,
      transactionDate: new Date(payment.createdAt),
      createdAt: this.now(),
      ipAddr: '127.0.0.1',
    });
    const params = await this.post(body);
    if (!params || !verifyQuerydrResponse(params, this.settings.hashSecret)) return { outcome: 'unknown' };
    if (params.vnp_TxnRef !== payment.providerRef || params.vnp_ResponseCode !== '00') return { outcome: 'unknown', code: params.vnp_ResponseCode ?? '', received: params };
    if (params.vnp_TransactionType !== '02' && params.vnp_TransactionType !== '03') return { outcome: 'processing', code: '00', received: params };
    return { outcome: QUERY_REFUND_STATUS.get(params.vnp_TransactionStatus ?? '') ?? 'unknown', code: params.vnp_TransactionStatus ?? '', received: params };
  }

  private async post(body: VnpParams): Promise<VnpParams | undefined> {
    try {
      const response = await fetch(this.settings.apiUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
      if (!response.ok) return undefined;
      const params = (await response.json()) as unknown;
      return typeof params === 'object' && params !== null ? (params as VnpParams) : undefined;
    } catch {
      // A timeout or a broken connection says nothing: the refund stays submitted and is queried.
      return undefined;
    }
  }
}
