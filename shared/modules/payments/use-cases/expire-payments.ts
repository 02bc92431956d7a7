import type { Clock } from '../../../platform/kernel/time';
import { RetryableWriteConflict } from '../../../platform/dynamodb/optimistic';
import { logger } from '../../../platform/observability/logger';
import { paymentQueryGivenUp } from '../../../platform/observability/metrics';
import type { PaymentProvider, ProviderStatus } from '../ports';
import type { Payment, PaymentProviderName } from '../domain/payment';
import { nextQueryAt, type PendingQuerySchedule } from '../domain/query-schedule';
import { settlePayment, type SettleDeps } from './settle-payment';

export interface ExpiryCounts {
  expired: number;
  paid: number;
  /** Not decided this run (no verified final answer, or a concurrent settlement): asked again next run, or when its provider's schedule says. */
  skipped: number;
}

export interface ExpiryOptions {
  /** Payments read per page; every page is processed, so nothing due is starved by what is skipped. */
  readonly pageSize?: number;
  /** Provider queries in flight at once. */
  readonly concurrency?: number;
  /** Stop starting new work (e.g. the Lambda is about to time out); the rest waits for the next run. */
  readonly shouldStop?: () => boolean;
}

type ExpiryDeps = SettleDeps & { readonly providers: Readonly<Record<PaymentProviderName, PaymentProvider>> };

/**
 * A provider with a re-query schedule is asked again when the schedule says, not at every run: the
 * payment's place among what is due moves to its next question, written with a ledger entry of
 * what the provider answered. When the schedule gives up, the payment expires on our clock; money the
 * provider reports taken later is the LateSuccess bypass (recorded as paid, the dossier decides, and
 * money it no longer wants goes to the finance exceptions queue).
 */
async function askAgainLater(deps: ExpiryDeps, payment: Payment, status: ProviderStatus, schedule: PendingQuerySchedule, now: Date, counts: ExpiryCounts): Promise<void> {
  const next = nextQueryAt(payment, now, schedule);
  if (!next) {
    logger.error('no final answer from the provider when its query window closed: payment expired, a person must check', { paymentId: payment.paymentId, provider: payment.provider, answer: status.outcome });
    const result = await settlePayment(deps, { provider: payment.provider, ref: payment.providerRef, paymentId: payment.paymentId, amount: payment.amount, outcome: 'expired', kind: 'expiry', received: status.received ?? {} });
    if (result === 'recorded_failure') {
      counts.expired++;
      // The alarm: money may have been taken that nobody will hear of unless a person asks the provider.
      paymentQueryGivenUp();
    } else counts.skipped++;
    return;
  }
  const at = now.toISOString();
  const ledger = { paymentId: payment.paymentId, provider: payment.provider, kind: 'reconciliation' as const, outcome: `query_${status.outcome}`, at, ...(status.received ? { received: status.received } : {}) };
  try {
    await deps.payments.settle({ before: payment, after: { ...payment, queryDueAt: next.toISOString(), version: payment.version + 1 }, ledger, events: [] });
  } catch (error) {
    // Settled meanwhile (a callback wrote first): there is nothing left to ask about.
    if (!(error instanceof RetryableWriteConflict)) throw error;
  }
  counts.skipped++;
}

/**
 * The provider took money for another amount: settlement flagged the payment and raised the money in
 * the finance exceptions queue. The attempt is over unpaid, so it expires now; kept pending, it would
 * be asked about (and the same money found) at every run. A later callback for that money finds it
 * expired and raises the same exception again, which is a no-op.
 */
async function expireMismatched(deps: ExpiryDeps, payment: Payment, status: ProviderStatus, counts: ExpiryCounts): Promise<void> {
  const result = await settlePayment(deps, { provider: payment.provider, ref: payment.providerRef, paymentId: payment.paymentId, amount: payment.amount, outcome: 'expired', kind: 'expiry', received: status.received ?? {} });
  if (result === 'recorded_failure') counts.expired++;
  else counts.skipped++;
}

async function expireOne(deps: ExpiryDeps, payment: Payment, counts: ExpiryCounts, now: Date): Promise<void> {
  const status: ProviderStatus = await deps.providers[payment.provider].query(payment).catch((error: unknown) => {
    logger.warn('provider status query failed', { paymentId: payment.paymentId, error });
    return { outcome: 'unknown' };
  });
  switch (status.outcome) {
    case 'pending':
    case 'unknown': {
      // Still in progress, or no verified final answer: expiring now could drop money the gateway took.
      const schedule = deps.providers[payment.provider].pendingQuery;
      if (schedule) await askAgainLater(deps, payment, status, schedule, now, counts);
      else counts.skipped++;
      return;
    }
    case 'succeeded': {
      const result = await settlePayment(deps, {
        provider: payment.provider,
        ref: payment.providerRef,
        paymentId: payment.paymentId,
        amount: status.amount,
        outcome: 'succeeded',
        ...(status.transactionId ? { transactionId: status.transactionId } : {}),
        ...(status.paidAt ? { paidAt: status.paidAt } : {}),
        kind: 'reconciliation',
        received: status.received ?? {},
      });
      if (result === 'applied') counts.paid++;
      else if (result === 'amount_mismatch') await expireMismatched(deps, payment, status, counts);
      else counts.skipped++;
      return;
    }
    case 'failed':
    case 'not_queryable': {
      const result = await settlePayment(deps, {
        provider: payment.provider,
        ref: payment.providerRef,
        paymentId: payment.paymentId,
        amount: payment.amount,
        outcome: 'expired',
        kind: 'expiry',
        received: status.received ?? {},
      });
      if (result === 'recorded_failure') counts.expired++;
      else counts.skipped++;
      return;
    }
  }
}

/**
 * Expires pending payments past their expiry, but only on the provider's verified word: a payment it
 * reports paid is settled as paid, one it verifiably never completed expires, and anything else waits
 * for the next run. Pages through everything due, so payments that keep being skipped (a gateway that
 * cannot answer for them) never hide the ones behind them.
 */
export async function expirePayments(deps: ExpiryDeps, clock: Clock, options: ExpiryOptions = {}): Promise<ExpiryCounts> {
  const { pageSize = 100, concurrency = 8, shouldStop = () => false } = options;
  const counts: ExpiryCounts = { expired: 0, paid: 0, skipped: 0 };
  const now = clock.now();
  let after: Payment | undefined;
  for (;;) {
    const page = await deps.payments.pendingExpiredBy(now, pageSize, after);
    for (let i = 0; i < page.length && !shouldStop(); i += concurrency) {
      await Promise.all(
        page.slice(i, i + concurrency).map((p) =>
          expireOne(deps, p, counts, now).catch((error: unknown) => {
            // One payment's storage error must not stop the others; it is still due next run.
            logger.error('payment expiry failed', { paymentId: p.paymentId, error });
            counts.skipped++;
          }),
        ),
      );
    }
    if (page.length < pageSize || shouldStop()) return counts;
    after = page[page.length - 1];
  }
}
