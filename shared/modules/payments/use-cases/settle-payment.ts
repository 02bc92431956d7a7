import { DuplicateTransactionError } from '../domain/errors';
import { causeOfReport, isProviderTransactionId, PaymentMachine, PaymentStatuses, settlementEventId, sharesOf, type Payment, type PaymentProviderName, type ReportedOutcome } from '../domain/payment';
import { withOptimisticRetry } from '../../../platform/dynamodb/optimistic';
import type { Clock } from '../../../platform/kernel/time';
import { logger } from '../../../platform/observability/logger';
import { paymentSettled } from '../../../platform/observability/metrics';
import type { LedgerEntry, PaymentStore, RaiseUnclaimedMoney, UnclaimedMoney } from '../ports';
import type { DossierEvent } from '../../dossiers';

/** A provider's word on a payment, normalised: VND amounts, UTC instants. */
export interface ProviderReport {
  readonly provider: PaymentProviderName;
  readonly ref: string;
  /** The payment the report should be about, when known (a reference that names it, the payment a job read): checked by the store. */
  readonly paymentId?: string;
  readonly amount: number | undefined;
  readonly outcome: ReportedOutcome;
  readonly transactionId?: string;
  readonly paidAt?: string;
  readonly kind: LedgerEntry['kind'];
  readonly received: Readonly<Record<string, unknown>>;
}

export type SettleResult = 'not_found' | 'amount_mismatch' | 'already_confirmed' | 'applied' | 'recorded_failure' | 'late_success';

export interface SettleDeps {
  readonly payments: PaymentStore;
  readonly clock: Clock;
  /**
   * Where money taken but not taken as the payment's goes (finance's exceptions queue), whichever
   * path reported it: a callback or a status query. The container always wires it; only tests of
   * settlement alone leave it out.
   */
  readonly raiseUnclaimedMoney?: RaiseUnclaimedMoney;
}

/** What one round decided, and the money it leaves for a person, if any. */
interface Decision {
  readonly result: SettleResult;
  readonly unclaimed?: UnclaimedMoney;
}

/** Money the provider took: a success report that carries its amount. */
function moneyOf(report: ProviderReport): Omit<UnclaimedMoney, 'kind' | 'payment'> | undefined {
  if (report.outcome !== 'succeeded' || report.amount === undefined) return undefined;
  return { amount: report.amount, ...(report.transactionId ? { transactionId: report.transactionId } : {}), ...(report.paidAt ? { paidAt: report.paidAt } : {}) };
}

/**
 * The events of a settlement: one per dossier the payment pays, each for that dossier's share, so a
 * basket is settled for every dossier by the one transaction that records the payment's outcome.
 */
function dossierEvents(payment: Payment, report: ProviderReport, at: string): DossierEvent[] {
  return sharesOf(payment).map((share): DossierEvent => {
    const base = { version: 1 as const, occurredAt: at, dossierNo: share.dossierNo, paymentId: payment.paymentId };
    return report.outcome === 'succeeded'
      ? { ...base, type: 'PaymentSucceeded', id: settlementEventId(payment, 'succeeded', share.dossierNo), provider: payment.provider, amount: share.amount, paidAt: report.paidAt ?? at }
      : { ...base, type: 'PaymentFailed', id: settlementEventId(payment, report.outcome, share.dossierNo), reason: report.outcome };
  });
}

/**
 * Applies a provider's report in the order payments.md prescribes: (signature already checked by the
 * caller) → payment exists → amount → still pending → durable write → answer, except that a payment
 * already paid is "already confirmed" whatever the amount: a second transaction's money is its own
 * (a second success), never a reason to review the paid payment. The payment's state, its ledger
 * entry and the dossier events (one per dossier paid, as outbox rows) are one transaction; the
 * table's stream then carries the events to the queue, whether or not this process lives on. Money taken at a wrong
 * amount or by a second transaction is then raised for finance (raiseUnclaimedMoney) before the
 * answer: if that fails, the provider asks again and it is raised then, once.
 */
export async function settlePayment(deps: SettleDeps, report: ProviderReport): Promise<SettleResult> {
  const at = deps.clock.now().toISOString();
  const ledger = (payment: Payment | undefined, outcome: string): LedgerEntry => ({
    ...(payment ? { paymentId: payment.paymentId } : {}),
    provider: report.provider,
    kind: report.kind,
    outcome,
    at,
    received: report.received,
  });
  const money = moneyOf(report);

  /** A report about a payment whose attempt is over and that it does not move: a replay, or a second transaction. */
  async function alreadySettled(payment: Payment): Promise<Decision> {
    const secondTransaction = report.outcome === 'succeeded' && (payment.status !== 'succeeded' || payment.providerTransactionId !== report.transactionId);
    if (secondTransaction) logger.warn('success reported for a settled payment', { paymentId: payment.paymentId });
    await deps.payments.appendLedger(ledger(payment, secondTransaction ? 'duplicate_success_refund_review' : 'already_confirmed'));
    // Only a transaction that identifies money (not the one that paid it) is a second one.
    const second = secondTransaction && money && payment.status === 'succeeded' && payment.providerTransactionId && isProviderTransactionId(report.transactionId);
    return { result: 'already_confirmed', ...(second ? { unclaimed: { kind: 'second_transaction', payment, ...money } } : {}) };
  }

  // Each round reads the payment afresh: a concurrent callback that wrote first makes the store's
  // version check fail, and the decision is taken again on what it wrote.
  const decision = await withOptimisticRetry(async (): Promise<Decision> => {
    const payment = await deps.payments.findByProviderRef(report.provider, report.ref, report.paymentId);
    if (!payment) {
      await deps.payments.appendLedger(ledger(undefined, 'not_found'));
      return { result: 'not_found' };
    }
    if (PaymentStatuses[payment.status].terminal) return alreadySettled(payment);
    if (report.amount !== payment.amount) {
      // Money may have been taken for the wrong amount: never paid, always reviewed.
      const reviewed = report.outcome === 'succeeded' ? { refundReview: { reason: `amount ${report.amount} ≠ ${payment.amount}`, at } } : {};
      await deps.payments.settle({ before: payment, after: { ...payment, ...reviewed, version: payment.version + 1 }, ledger: ledger(payment, 'amount_mismatch'), events: [] });
      logger.warn('payment amount mismatch', { paymentId: payment.paymentId, provider: report.provider });
      return { result: 'amount_mismatch', ...(money ? { unclaimed: { kind: 'amount_mismatch', payment, ...money } } : {}) };
    }
    // Money taken after we recorded the attempt as over (expired, failed, cancelled) is the named bypass.
    const cause = causeOfReport(report.outcome, payment.status);
    const lateSuccess = cause === 'LateSuccess';
    if (lateSuccess) logger.warn('success reported for a payment recorded as over', { paymentId: payment.paymentId, was: payment.status });
    if (!PaymentMachine.accepts(payment.status, cause)) return alreadySettled(payment);
    const status = PaymentMachine.next(payment.status, cause);
    const after: Payment = {
      ...payment,
      status,
      completedAt: at,
      // Only a success records the provider's transaction, which claims its unique key: a cancel
      // carries vnp_TransactionNo=0 on every payment, and its replays are stopped by state anyway.
      ...(status === 'succeeded' && isProviderTransactionId(report.transactionId) ? { providerTransactionId: report.transactionId } : {}),
      ...(status !== 'succeeded' ? { failureReason: report.outcome } : {}),
      version: payment.version + 1,
    };
    // All of a basket's dossiers or none: their events are written in the payment's own transaction.
    const events = dossierEvents(payment, report, at);
    try {
      await deps.payments.settle({ before: payment, after, ledger: ledger(payment, status), events });
    } catch (error) {
      if (!(error instanceof DuplicateTransactionError)) throw error;
      await deps.payments.appendLedger(ledger(payment, 'duplicate_transaction'));
      return { result: 'already_confirmed' };
    }
    paymentSettled(payment.provider, status);
    return { result: lateSuccess ? 'late_success' : status === 'succeeded' ? 'applied' : 'recorded_failure' };
  });
  if (decision.unclaimed) await deps.raiseUnclaimedMoney?.(decision.unclaimed);
  return decision.result;
}
