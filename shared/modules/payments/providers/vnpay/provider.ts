import { randomUUID } from 'node:crypto';
import type { VnpaySettings } from './settings';
import type { Payment } from '../../domain/payment';
import { paymentIdReference } from '../../domain/reference';
import { fromVnpAmount, paymentUrl, VNPAY_MAX_AMOUNT, payDate, querydrRequest, verifyQuerydrResponse, type VnpParams } from './protocol';
import type { PaymentProvider, ProviderStatus } from '../../ports';

/**
 * querydr's vnp_TransactionStatus: 00 paid, 01 not finished yet, 02 ended in error (the customer
 * failed or cancelled). 04 (reversed), 05–09 (refund and fraud review) and anything new are not a
 * state we may expire on, so they are unknown and the payment waits for a person or the next run.
 */
const QUERYDR_TRANSACTION_STATUS: ReadonlyMap<string, ProviderStatus['outcome']> = new Map([
  ['00', 'succeeded'],
  ['01', 'pending'],
  ['02', 'failed'],
]);

/** The VNPay PAY 2.1.0 redirect gateway: a signed redirect URL to start, querydr to reconcile. */
export class VnpayProvider implements PaymentProvider {
  readonly name = 'vnpay' as const;
  readonly maxAmount = VNPAY_MAX_AMOUNT;

  constructor(private readonly settings: VnpaySettings) {}

  /** Our payment id without its `pay_` prefix (paymentIdReference): VNPay allows letters and digits in vnp_TxnRef. */
  newReference(paymentId: string): string {
    return paymentIdReference.of(paymentId);
  }

  async start(payment: Payment, context: { ipAddr: string; orderInfo: string }): Promise<Pick<Payment, 'redirectUrl'>> {
    return {
      redirectUrl: paymentUrl({
        gatewayUrl: this.settings.gatewayUrl,
        tmnCode: this.settings.tmnCode,
        secret: this.settings.hashSecret,
        txnRef: payment.providerRef,
        amount: payment.amount,
        orderInfo: context.orderInfo,
        returnUrl: this.settings.returnUrl,
        ipAddr: context.ipAddr,
        createdAt: new Date(payment.createdAt),
        expiresAt: new Date(payment.expiresAt),
      }),
    };
  }

  async query(payment: Payment): Promise<ProviderStatus> {
    const body = querydrRequest({
      tmnCode: this.settings.tmnCode,
      secret: this.settings.hashSecret,
      requestId: randomUUID().replace(/-/g, '').slice(0, 32),
      txnRef: payment.providerRef,
      transactionDate: new Date(payment.createdAt),
      createdAt: new Date(),
      ipAddr: '127.0.0.1',
    });
    const response = await fetch(this.settings.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    // Only a signed answer about this very order counts; anything else is asked again next run.
    if (!response.ok) return { outcome: 'unknown' };
    const params = (await response.json()) as VnpParams;
    if (typeof params !== 'object' || params === null || !verifyQuerydrResponse(params, this.settings.hashSecret)) return { outcome: 'unknown' };
    if (params.vnp_TxnRef !== payment.providerRef || params.vnp_TmnCode !== this.settings.tmnCode) return { outcome: 'unknown', received: params };
    // 91: the gateway has no such transaction (the customer never paid). 94 (a repeated query), 97,
    // 99 and any other code say nothing about the payment.
    if (params.vnp_ResponseCode === '91') return { outcome: 'failed', received: params };
    if (params.vnp_ResponseCode !== '00') return { outcome: 'unknown', received: params };
    const outcome = QUERYDR_TRANSACTION_STATUS.get(params.vnp_TransactionStatus ?? '') ?? 'unknown';
    if (outcome !== 'succeeded') return { outcome, received: params };
    const amount = fromVnpAmount(params.vnp_Amount);
    const paidAt = payDate(params.vnp_PayDate)?.toISOString();
    return {
      outcome,
      ...(amount !== undefined ? { amount } : {}),
      ...(params.vnp_TransactionNo ? { transactionId: params.vnp_TransactionNo } : {}),
      ...(paidAt ? { paidAt } : {}),
      received: params,
    };
  }
}
