import type { Clock } from '../../../platform/kernel/time';
import { ExceptionIds } from '../domain/exception';
import type { FinanceStore, PaymentReader } from '../ports';
import { collectionEntry, raisePaymentException, raiseUnmatchedTransfer } from './exceptions';

export interface TransferExceptionDeps {
  readonly finance: FinanceStore;
  readonly payments: Pick<PaymentReader, 'findByProviderRef'>;
  readonly clock: Clock;
}

/** A provider's word that money moved under one of our references (VND, UTC). */
export interface MoneyReport {
  readonly provider: 'vnpay' | 'vietqr';
  readonly ref: string;
  readonly amount: number;
  readonly transactionId: string;
  readonly paidAt: string;
}

/**
 * A second transaction under a payment another transaction already settled (the citizen transferred
 * twice with the same reference; a gateway reporting a new transaction number for a paid order):
 * settlement answers "already confirmed" and keeps the first, so the money of the second would
 * otherwise only be logged. Raised as a second_success against the payment, booked unallocated, and
 * refundable from that money alone. Idempotent per transaction: replays of it raise nothing new.
 */
export async function raiseSecondTransaction(deps: TransferExceptionDeps, report: MoneyReport): Promise<boolean> {
  const payment = await deps.payments.findByProviderRef(report.provider, report.ref);
  if (!payment || payment.status !== 'succeeded' || !payment.providerTransactionId || payment.providerTransactionId === report.transactionId) return false;
  const entry = collectionEntry(payment, new Date(report.paidAt), report.amount, undefined, report.transactionId, `col_${payment.paymentId}_${report.transactionId}`);
  const reason = `a second transaction (${report.amount} VND) for payment ${payment.paymentId}, already settled by another`;
  return raisePaymentException(deps, 'second_success', payment, report.amount, reason, entry, ExceptionIds.ofTransaction('second_success', payment.paymentId, report.transactionId));
}

/**
 * What the bank-transfer webhook hands finance after settlement: a transfer that matched no payment
 * is kept with its notification; one of the wrong amount is raised against its payment, and a second
 * transfer for a payment already settled as a second success. All are booked as money in,
 * unallocated, and all are idempotent (the bank's retry raises nothing twice).
 */
export async function raiseTransferException(
  deps: TransferExceptionDeps,
  result: string,
  transfer: { reference: string; amount: number; transactionId: string; paidAt: string } & Record<string, unknown>,
): Promise<void> {
  if (result === 'unmatched') {
    await raiseUnmatchedTransfer(deps, transfer);
    return;
  }
  if (result === 'duplicate') {
    await raiseSecondTransaction(deps, { provider: 'vietqr', ref: transfer.reference, amount: transfer.amount, transactionId: transfer.transactionId, paidAt: transfer.paidAt });
    return;
  }
  if (result !== 'amount_mismatch') return;
  const payment = await deps.payments.findByProviderRef('vietqr', transfer.reference);
  if (!payment) return;
  const entry = collectionEntry(payment, new Date(transfer.paidAt), transfer.amount, undefined, transfer.transactionId, `col_${payment.paymentId}_${transfer.transactionId}`);
  // One exception per transfer: a second transfer of a wrong amount is money of its own.
  await raisePaymentException(deps, 'amount_mismatch', payment, transfer.amount, `transfer of ${transfer.amount} for a payment of ${payment.amount}`, entry,
    ExceptionIds.ofTransaction('amount_mismatch', payment.paymentId, transfer.transactionId));
}
