import type { Dossier } from '../../dossiers';
import { withOptimisticRetry } from '../../../platform/dynamodb/optimistic';
import { settlementEventId, sharesOf, type Payment } from '../domain/payment';
import type { PaymentShare } from '../domain/basket';
import type { Clock } from '../../../platform/kernel/time';
import { logger } from '../../../platform/observability/logger';
import type { DossierStore } from '../../dossiers';
import type { PaymentStore } from '../ports';
import type { SettledPayments } from '../settled-payments-port';
import type { DossierEvent } from '../../dossiers';

/**
 * The id settlement gives a payment's PaymentSucceeded event (settle-payment.ts), per dossier paid.
 * Re-emitting under the same id is what makes reconciliation safe: the consumer applies an id once.
 */
export const paymentSucceededEventId = (payment: Pick<Payment, 'paymentId' | 'dossierNo' | 'amount' | 'shares'>, dossierNo = payment.dossierNo) =>
  settlementEventId(payment, 'succeeded', dossierNo);

/** The PaymentSucceeded event of a settled payment for one of its dossiers, as reconciliation re-emits it. */
export function paymentSucceededEvent(payment: Payment, share: PaymentShare = sharesOf(payment)[0]!): Extract<DossierEvent, { type: 'PaymentSucceeded' }> {
  // The provider's own pay date is not kept on the payment; the instant we recorded the success is
  // the closest we have (and an event applied before keeps its original, since the id is the same).
  const at = payment.completedAt ?? payment.createdAt;
  return {
    type: 'PaymentSucceeded', version: 1, id: paymentSucceededEventId(payment, share.dossierNo), occurredAt: at, dossierNo: share.dossierNo,
    paymentId: payment.paymentId, provider: payment.provider, amount: share.amount, paidAt: at,
  };
}

export interface ReconcilePaymentsDeps {
  readonly payments: SettledPayments;
  readonly dossiers: Pick<DossierStore, 'get' | 'enqueue'>;
  readonly clock: Clock;
}

export interface ReconcileResult {
  readonly checked: number;
  readonly confirmed: number;
  readonly reemitted: number;
  readonly missingDossier: number;
}

const PAGE = 100;
const MAX_PAGES = 20;

const records = (dossier: Dossier, payment: Payment) => dossier.payments.some((p) => p.paymentId === payment.paymentId && p.status === 'succeeded');

/**
 * Finds succeeded payments (settled at least `afterMs` ago) whose dossier does not record them, i.e.
 * "paid but the dossier never moved on", and emits their PaymentSucceeded again with the same id,
 * through the outbox (the table's stream publishes it, and retries a failed publish). Payments whose dossier
 * records them leave the index, so a run reads the few recent settlements plus any stuck ones.
 */
export async function reconcilePayments(deps: ReconcilePaymentsDeps, afterMs: number): Promise<ReconcileResult> {
  const settledBefore = new Date(deps.clock.now().getTime() - afterMs);
  let checked = 0, confirmed = 0, missingDossier = 0;
  const reemit: DossierEvent[] = [];
  let last: Payment | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const settled = await deps.payments.succeededUnconfirmed(settledBefore, PAGE, last);
    for (const payment of settled) {
      checked++;
      // A basket is recorded once every one of its dossiers records it; each that does not gets its own event again.
      let recorded = true;
      for (const share of sharesOf(payment)) {
        const dossier = await deps.dossiers.get(share.dossierNo);
        if (!dossier) {
          // Cannot happen by construction (a payment is created for a dossier); an operator must look.
          logger.error('succeeded payment of an unknown dossier', { paymentId: payment.paymentId });
          missingDossier++;
          recorded = false;
        } else if (!records(dossier, payment)) {
          reemit.push(paymentSucceededEvent(payment, share));
          recorded = false;
        }
      }
      if (recorded) {
        await deps.payments.confirmRecordedByDossier(payment);
        confirmed++;
      }
    }
    last = settled.at(-1);
    if (settled.length < PAGE) break;
  }
  if (reemit.length > 0) {
    logger.warn('succeeded payments not recorded by their dossier: PaymentSucceeded emitted again', { eventIds: reemit.map((e) => e.id) });
    // The rows are written again: the table's stream publishes them once more.
    await deps.dossiers.enqueue(reemit);
  }
  return { checked, confirmed, reemitted: reemit.length, missingDossier };
}

/**
 * Follow-up of an applied PaymentSucceeded: money the dossier did not want (it was already paid, or
 * no longer awaited payment) is flagged for refund review on the payment itself, as a wrong amount
 * is at settlement: a conditional write with its ledger entry. Idempotent: run again on redelivery;
 * a conflict that outlasts the retries escapes, so the event is not acknowledged and comes back.
 */
export async function flagUnwantedPayment(payments: Pick<PaymentStore, 'get' | 'settle'>, event: DossierEvent, dossier: Dossier, now: Date): Promise<boolean> {
  if (event.type !== 'PaymentSucceeded') return false;
  const record = dossier.payments.find((p) => p.paymentId === event.paymentId);
  if (!record?.refundReview) return false;
  // Re-read each round: a callback that wrote meanwhile fails the version check, and we decide again.
  return withOptimisticRetry(async () => {
    const payment = await payments.get(event.paymentId);
    if (!payment || payment.refundReview) return false;
    const at = now.toISOString();
    const reason = `dossier ${dossier.dossierNo} did not await this payment when it arrived (${dossier.status})`;
    await payments.settle({
      before: payment,
      after: { ...payment, refundReview: { reason, at }, version: payment.version + 1 },
      ledger: { paymentId: payment.paymentId, provider: payment.provider, kind: 'reconciliation', outcome: 'refund_review', at },
      events: [],
    });
    logger.warn('payment flagged for refund review', { paymentId: payment.paymentId });
    return true;
  });
}
