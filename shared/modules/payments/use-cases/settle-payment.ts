import { DuplicateTransactionError } from '../domain/errors';
import { causeOfReport, isProviderTransactionId, PaymentMachine, settlementEventId, sharesOf, type Payment, type PaymentProviderName, type ReportedOutcome } from '../domain/payment';
import { withOptimisticRetry } from '../../../platform/dynamodb/optimistic';
import type { Clock } from '../../../platform/kernel/time';
import { logger } from '../../../platform/observability/logger';
import { paymentSettled } from '../../../platform/observability/metrics';
import type { DossierEventPublisher, Outbox } from '../../dossiers';
import type { LedgerEntry, PaymentStore } from '../ports';
import type { DossierEvent } from '../../dossiers';
import { publishQueued } from '../../dossiers';

/** A provider's word on a payment, normalised: VND amounts, UTC instants. */
export interface ProviderReport {
  readonly provider: PaymentProviderName;
  readonly ref: string;
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
  readonly outbox: Outbox;
  readonly publisher: DossierEventPublisher;
  readonly clock: Clock;
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
 * caller) → payment exists → amount → still pending → durable write → answer. The payment's state,
 * its ledger entry and the dossier events (one per dossier paid) are one transaction; the events then
 * go to the queue, and the outbox relay re-sends them if this process dies first.
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

  // Each round reads the payment afresh: a concurrent callback that wrote first makes the store's
  // version check fail, and the decision is taken again on what it wrote.
  return withOptimisticRetry(async () => {
    const payment = await deps.payments.findByProviderRef(report.provider, report.ref);
    if (!payment) {
      await deps.payments.appendLedger(ledger(undefined, 'not_found'));
      return 'not_found';
    }
    if (report.amount !== payment.amount) {
      // Money may have been taken for the wrong amount: never paid, always reviewed.
      const reviewed = report.outcome === 'succeeded' ? { refundReview: { reason: `amount ${report.amount} ≠ ${payment.amount}`, at } } : {};
      await deps.payments.settle({ before: payment, after: { ...payment, ...reviewed, version: payment.version + 1 }, ledger: ledger(payment, 'amount_mismatch'), events: [] });
      logger.warn('payment amount mismatch', { paymentId: payment.paymentId, provider: report.provider });
      return 'amount_mismatch';
    }
    // Money taken after we recorded the attempt as over (expired, failed, cancelled) is the named bypass.
    const cause = causeOfReport(report.outcome, payment.status);
    const lateSuccess = cause === 'LateSuccess';
    if (lateSuccess) logger.warn('success reported for a payment recorded as over', { paymentId: payment.paymentId, was: payment.status });
    if (!PaymentMachine.accepts(payment.status, cause)) {
      const secondTransaction =
        report.outcome === 'succeeded' && (payment.status !== 'succeeded' || payment.providerTransactionId !== report.transactionId);
      if (secondTransaction) logger.warn('success reported for a settled payment', { paymentId: payment.paymentId });
      await deps.payments.appendLedger(ledger(payment, secondTransaction ? 'duplicate_success_refund_review' : 'already_confirmed'));
      return 'already_confirmed';
    }
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
      return 'already_confirmed';
    }
    paymentSettled(payment.provider, status);
    await publishQueued(deps.publisher, events);
    return lateSuccess ? 'late_success' : status === 'succeeded' ? 'applied' : 'recorded_failure';
  });
}
