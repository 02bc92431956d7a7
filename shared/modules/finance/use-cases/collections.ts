import type { Clock } from '../../../platform/kernel/time';
import type { Dossier, DossierEvent } from '../../dossiers';
import type { FinanceStore, PaymentReader } from '../ports';
import { sharesOf } from '../../payments';
import { ExceptionIds } from '../domain/exception';
import { paymentEntryId } from '../domain/refund';
import { collectionEntry, raisePaymentException } from './exceptions';

export interface CollectionDeps {
  readonly finance: FinanceStore;
  readonly payments: Pick<PaymentReader, 'get'>;
  readonly clock: Clock;
}

/**
 * Follow-up of an applied PaymentSucceeded: the money is booked (once, by payment), and money the
 * dossier did not want is raised in the exceptions queue: a second success when the dossier was
 * already paid, a late success when it had moved on. Idempotent: both writes are keyed by payment.
 * A payment of several dossiers (a basket) sends each dossier its share: each is booked, and raised,
 * as that dossier's own money (keyed by payment and dossier), so refunds stay per dossier.
 */
export async function recordPaymentMoney(deps: CollectionDeps, event: DossierEvent, dossier: Dossier): Promise<void> {
  if (event.type !== 'PaymentSucceeded') return;
  const payment = await deps.payments.get(event.paymentId);
  if (!payment) return;
  const basket = sharesOf(payment).length > 1;
  const at = new Date(event.paidAt);
  const entry = collectionEntry(payment, at, event.amount, dossier, payment.providerTransactionId, paymentEntryId(payment.paymentId, basket ? dossier.dossierNo : undefined));
  const record = dossier.payments.find((p) => p.paymentId === event.paymentId);
  if (!record?.refundReview) {
    await deps.finance.book(entry);
    return;
  }
  const paidBefore = dossier.payments.some((p) => p.paymentId !== event.paymentId && p.status === 'succeeded' && !p.refundReview);
  const kind = paidBefore ? 'second_success' : 'late_success';
  const reason = paidBefore ? `dossier ${dossier.dossierNo} was already paid` : `dossier ${dossier.dossierNo} no longer awaited payment (${dossier.status})`;
  const unallocated = { ...entry, byFeeKind: { unallocated: event.amount } };
  if (basket) {
    // The dossier's share, raised on that dossier and booked with the exception in one write.
    const exceptionId = `${ExceptionIds.ofPayment(kind, payment.paymentId)}_${dossier.dossierNo}`;
    await raisePaymentException(deps, kind, { ...payment, dossierNo: dossier.dossierNo }, event.amount, reason, { book: unallocated, exceptionId });
    return;
  }
  await deps.finance.book(unallocated);
  await raisePaymentException(deps, kind, payment, event.amount, reason);
}
