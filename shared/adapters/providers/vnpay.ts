import { randomUUID } from 'node:crypto';
import type { VnpaySettings } from '../../config/payment-settings';
import type { Payment } from '../../domain/payments/payment';
import { fromVnpAmount, gatewayOutcome, paymentUrl, payDate, querydrRequest, verifyQuerydrResponse, type VnpParams } from '../../domain/payments/vnpay-protocol';
import type { PaymentProvider, ProviderStatus } from '../../ports/payments';

/** The VNPay PAY 2.1.0 redirect gateway: a signed redirect URL to start, querydr to reconcile. */
export class VnpayProvider implements PaymentProvider {
  readonly name = 'vnpay' as const;

  constructor(private readonly settings: VnpaySettings) {}

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
    if (!response.ok) return { outcome: 'unknown' };
    const params = (await response.json()) as VnpParams;
    if (!verifyQuerydrResponse(params, this.settings.hashSecret)) return { outcome: 'unknown', received: params };
    // 91: the gateway has no such transaction (the customer never paid).
    if (params.vnp_ResponseCode === '91') return { outcome: 'failed', received: params };
    if (params.vnp_ResponseCode !== '00') return { outcome: 'unknown', received: params };
    const outcome = gatewayOutcome('00', params.vnp_TransactionStatus);
    const amount = fromVnpAmount(params.vnp_Amount);
    const paidAt = payDate(params.vnp_PayDate)?.toISOString();
    return {
      outcome: outcome === 'succeeded' ? 'succeeded' : params.vnp_TransactionStatus === '01' ? 'pending' : 'failed',
      ...(amount !== undefined ? { amount } : {}),
      ...(params.vnp_TransactionNo ? { transactionId: params.vnp_TransactionNo } : {}),
      ...(paidAt ? { paidAt } : {}),
      received: params,
    };
  }
}
