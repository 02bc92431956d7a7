import type { Clock } from '../../../platform/kernel/time';
import { sharesOf, type UnclaimedMoney } from '../../payments';
import { ExceptionIds } from '../domain/exception';
import type { FinanceStore } from '../ports';
import { collectionEntry, raisePaymentException } from './exceptions';

export interface UnclaimedMoneyDeps {
  readonly finance: FinanceStore;
  readonly clock: Clock;
}

/**
 * Money a provider took that settlement did not take as the payment's, raised in the exceptions
 * queue and booked as unallocated money of the payment's agency. The one way for every path that
 * finds it: a gateway callback, a bank transfer, a status query of the expiry job.
 * - A wrong amount is an `amount_mismatch`, refundable from that money alone (the payment stays unpaid).
 * - A second transaction under a payment already paid, whatever its amount, is a `second_success`,
 *   refundable from its own money; the payment stays paid and is not reviewed.
 * Idempotent: the exception and its book entry are keyed by payment and transaction, so the
 * provider's retries, and a query and a callback reporting the same transaction, raise it once.
 * A basket's money is none of its dossiers' own: the one exception is linked to each of them, so
 * every dossier shows it open while the agency's queue lists it once.
 */
export async function raiseUnclaimedMoney(deps: UnclaimedMoneyDeps, money: UnclaimedMoney): Promise<boolean> {
  const { payment, amount, transactionId } = money;
  const dossierNos = sharesOf(payment).map((s) => s.dossierNo);
  const at = money.paidAt ? new Date(money.paidAt) : deps.clock.now();
  if (money.kind === 'second_transaction') {
    // Without its own transaction a second success cannot be told from a replay (settlement never sends one).
    if (!transactionId) return false;
    const entry = collectionEntry(payment, at, amount, undefined, transactionId, `col_${payment.paymentId}_${transactionId}`);
    const reason = `a second transaction (${amount} VND) for payment ${payment.paymentId}, already settled by another`;
    return raisePaymentException(deps, 'second_success', payment, amount, reason, { book: entry, exceptionId: ExceptionIds.ofTransaction('second_success', payment.paymentId, transactionId), dossierNos });
  }
  const entry = collectionEntry(payment, at, amount, undefined, transactionId, `col_${payment.paymentId}_mismatch_${transactionId ?? 'none'}`);
  const exceptionId = transactionId ? ExceptionIds.ofTransaction('amount_mismatch', payment.paymentId, transactionId) : ExceptionIds.ofPayment('amount_mismatch', payment.paymentId);
  const reason = `${payment.provider} reported ${amount} VND taken for a payment of ${payment.amount}`;
  return raisePaymentException(deps, 'amount_mismatch', payment, amount, reason, { book: entry, exceptionId, dossierNos });
}
