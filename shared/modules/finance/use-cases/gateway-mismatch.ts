import type { Clock } from '../../../platform/kernel/time';
import { ExceptionIds } from '../domain/exception';
import type { FinanceStore, PaymentReader } from '../ports';
import { collectionEntry, raisePaymentException } from './exceptions';

export interface GatewayMismatchDeps {
  readonly finance: FinanceStore;
  readonly payments: Pick<PaymentReader, 'findByProviderRef'>;
  readonly clock: Clock;
}

/** The gateway's word on money taken, as the callback read it (VND, UTC). */
export interface GatewayReport {
  readonly provider: 'vnpay' | 'national_platform';
  readonly ref: string;
  readonly amount: number;
  readonly transactionId?: string;
  readonly paidAt?: string;
}

/**
 * A gateway callback answered "invalid amount" (VNPay 04, the national platform's Confirm 04): when the payment was flagged for refund
 * review (money was taken, for the wrong amount), the money is raised in the exceptions queue and
 * booked as unallocated. A failed or cancelled attempt of the wrong amount took nothing and raises
 * nothing. Idempotent: the exception id derives from the payment, the book entry from the
 * transaction, so the gateway's retries and replays raise nothing new.
 */
export async function raiseGatewayAmountMismatch(deps: GatewayMismatchDeps, report: GatewayReport): Promise<boolean> {
  const payment = await deps.payments.findByProviderRef(report.provider, report.ref);
  if (!payment?.refundReview) return false;
  const at = report.paidAt ? new Date(report.paidAt) : deps.clock.now();
  const entry = collectionEntry(payment, at, report.amount, undefined, report.transactionId, `col_${payment.paymentId}_mismatch_${report.transactionId ?? 'none'}`);
  // The gateway's retries carry the same transaction number: one exception per transaction.
  const exceptionId = report.transactionId ? ExceptionIds.ofTransaction('amount_mismatch', payment.paymentId, report.transactionId) : ExceptionIds.ofPayment('amount_mismatch', payment.paymentId);
  return raisePaymentException(deps, 'amount_mismatch', payment, report.amount, `gateway reported ${report.amount} for a payment of ${payment.amount}`, entry, exceptionId);
}
