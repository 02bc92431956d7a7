import type { Clock } from '../../../platform/kernel/time';
import type { FinanceStore, PaymentReader } from '../ports';
import { collectionEntry, raisePaymentException, raiseUnmatchedTransfer } from './exceptions';

export interface TransferExceptionDeps {
  readonly finance: FinanceStore;
  readonly payments: Pick<PaymentReader, 'findByProviderRef'>;
  readonly clock: Clock;
}

/**
 * What the bank-transfer webhook hands finance after settlement: a transfer that matched no payment
 * is kept with its notification; one of the wrong amount is raised against its payment. Both are
 * booked as money in, unallocated, and both are idempotent (the bank's retry raises nothing twice).
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
  if (result !== 'amount_mismatch') return;
  const payment = await deps.payments.findByProviderRef('vietqr', transfer.reference);
  if (!payment) return;
  const entry = collectionEntry(payment, new Date(transfer.paidAt), transfer.amount, undefined, transfer.transactionId, `col_${payment.paymentId}_${transfer.transactionId}`);
  await raisePaymentException(deps, 'amount_mismatch', payment, transfer.amount, `transfer of ${transfer.amount} for a payment of ${payment.amount}`, entry);
}
