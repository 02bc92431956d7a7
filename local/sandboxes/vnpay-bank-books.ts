import { timingSafeEqual } from 'node:crypto';
import { DEFAULT_SETTLEMENT_FORMATS, writeSettlementFile } from '../../shared/modules/finance/settlement-file';
import { fromVnpAmount, hmacSha512, payDate, toVnpAmount, type VnpParams } from '../../shared/modules/payments/providers/vnpay/protocol';
import { REFUND_REQUEST_FIELDS, signRefundResponse } from '../../shared/modules/payments/providers/vnpay/refund';
import { vietnamDate } from '../../shared/platform/kernel/time';

/** What the sandbox bank answers the next refund: 00 done, 94 already in progress, 95 not refundable. */
export type RefundMode = '00' | '94' | '95';
export const REFUND_MODES: readonly RefundMode[] = ['00', '94', '95'];

/** A payment the sandbox gateway processed: its signed result and the merchant's vnp_CreateDate. */
export interface BookedTransaction {
  readonly params: VnpParams;
  readonly createDate: string;
}

interface BookedRefund {
  readonly requestId: string;
  readonly transactionType: string;
  readonly amount: number;
  readonly at: string;
}

/** Differences the settlement file can carry on demand, so reconciliation has something to find. */
export type Plant = 'missing' | 'amount' | 'extra';
export const PLANTS: readonly Plant[] = ['missing', 'amount', 'extra'];

const sameHex = (a: string, b: string) => /^[0-9a-fA-F]{128}$/.test(b) && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b.toLowerCase(), 'hex'));

/**
 * The sandbox bank's own books: refunds it accepted (VNPay's refund API over the same wire format as
 * the adapter, shared/modules/payments/providers/vnpay/refund.ts) and the day-T settlement file of
 * what it processed. Refunds are only what the adapter can observe: a 94 means VNPay already has
 * this refund under way, so the sandbox books it done and a later querydr finds it refunded.
 */
export class VnpayBankBooks {
  mode: RefundMode = '00';
  private readonly refunds = new Map<string, BookedRefund[]>();

  constructor(
    private readonly options: { readonly tmnCode: string; readonly hashSecret: string },
    private readonly transactions: ReadonlyMap<string, BookedTransaction>,
  ) {}

  answerRefund(request: VnpParams): VnpParams {
    const base = {
      vnp_ResponseId: request.vnp_RequestId ?? '', vnp_Command: 'refund', vnp_TmnCode: this.options.tmnCode, vnp_TxnRef: request.vnp_TxnRef ?? '',
      vnp_Amount: request.vnp_Amount ?? '', vnp_TransactionType: request.vnp_TransactionType ?? '', vnp_OrderInfo: request.vnp_OrderInfo ?? '',
    };
    const reply = (code: string, message: string, extra: VnpParams = {}) =>
      signRefundResponse({ ...base, vnp_ResponseCode: code, vnp_Message: message, ...extra }, this.options.hashSecret);
    const data = REFUND_REQUEST_FIELDS.map((f) => request[f] ?? '').join('|');
    if (!sameHex(hmacSha512(this.options.hashSecret, data), request.vnp_SecureHash ?? '') || request.vnp_TmnCode !== this.options.tmnCode) {
      return reply('97', 'Invalid Checksum');
    }
    const known = this.transactions.get(request.vnp_TxnRef ?? '');
    // VNPay finds the original by reference, its number and its create date: any of them wrong is 91.
    if (!known || known.params.vnp_TransactionNo !== request.vnp_TransactionNo || known.createDate !== request.vnp_TransactionDate) {
      return reply('91', 'Transaction not found');
    }
    const p = known.params;
    const found = { vnp_BankCode: p.vnp_BankCode ?? '', vnp_PayDate: p.vnp_PayDate ?? '', vnp_TransactionNo: p.vnp_TransactionNo ?? '' };
    const booked = this.refunds.get(base.vnp_TxnRef) ?? [];
    if (booked.some((r) => r.requestId === request.vnp_RequestId)) return reply('94', 'Refund already in progress', { ...found, vnp_TransactionStatus: '05' });
    if (this.mode === '95' || p.vnp_TransactionStatus !== '00') return reply('95', 'Original transaction not successful', { ...found, vnp_TransactionStatus: '02' });
    const amount = fromVnpAmount(request.vnp_Amount);
    const paid = fromVnpAmount(p.vnp_Amount) ?? 0;
    const refunded = booked.reduce((s, r) => s + r.amount, 0);
    const fullMismatch = request.vnp_TransactionType === '02' && amount !== paid - refunded;
    if (!amount || amount + refunded > paid || fullMismatch || !['02', '03'].includes(request.vnp_TransactionType ?? '')) {
      return reply('02', 'Invalid refund amount', { ...found, vnp_TransactionStatus: '09' });
    }
    this.refunds.set(base.vnp_TxnRef, [...booked, { requestId: request.vnp_RequestId ?? '', transactionType: request.vnp_TransactionType!, amount, at: new Date().toISOString() }]);
    return this.mode === '94'
      ? reply('94', 'Refund already in progress', { ...found, vnp_TransactionStatus: '05' })
      : reply('00', 'Refund success', { ...found, vnp_TransactionStatus: '00' });
  }

  /** querydr on an order with a refund reports the latest refund (type 02/03), as the adapter reads it. */
  refundForQuery(txnRef: string): VnpParams | undefined {
    const latest = this.refunds.get(txnRef)?.at(-1);
    if (!latest) return undefined;
    return { vnp_TransactionType: latest.transactionType, vnp_TransactionStatus: '00', vnp_Amount: toVnpAmount(latest.amount) };
  }

  /**
   * The day-T file (a Viet Nam date) of the payments it took that day, in the vnpay settlement
   * format. Planted: `missing` drops the first line, `amount` takes 1 000 VND off the next one,
   * `extra` adds a payment we never made.
   */
  settlementFile(day: string, plants: readonly Plant[]): string {
    const lines = [...this.transactions.values()]
      .filter((t) => t.params.vnp_TransactionStatus === '00' && t.params.vnp_PayDate)
      .map((t) => ({ reference: t.params.vnp_TxnRef!, transactionId: t.params.vnp_TransactionNo!, amount: fromVnpAmount(t.params.vnp_Amount) ?? 0, at: payDate(t.params.vnp_PayDate)! }))
      .filter((l) => vietnamDate(l.at) === day)
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.reference.localeCompare(b.reference));
    if (plants.includes('missing')) lines.shift();
    if (plants.includes('amount') && lines[0]) lines[0] = { ...lines[0], amount: Math.max(1_000, lines[0].amount - 1_000) };
    if (plants.includes('extra')) lines.push({ reference: `SANDBOX-EXTRA-${day.replace(/-/g, '')}`, transactionId: '99999999', amount: 10_000, at: new Date(`${day}T05:00:00Z`) });
    return writeSettlementFile(lines, DEFAULT_SETTLEMENT_FORMATS.vnpay!);
  }
}
