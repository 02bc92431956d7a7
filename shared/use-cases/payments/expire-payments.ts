import type { Clock } from '../../domain/time';
import { logger } from '../../observability/logger';
import type { PaymentProvider } from '../../ports/payments';
import type { PaymentProviderName } from '../../domain/payments/payment';
import { settlePayment, type SettleDeps } from './settle-payment';

/**
 * Expires pending payments past their expiry, but only after asking the provider for the real
 * status: a payment the provider reports paid is settled as paid, not expired.
 */
export async function expirePayments(
  deps: SettleDeps & { readonly providers: Readonly<Record<PaymentProviderName, PaymentProvider>> },
  clock: Clock,
  limit = 100,
): Promise<{ expired: number; paid: number; skipped: number }> {
  const counts = { expired: 0, paid: 0, skipped: 0 };
  for (const payment of await deps.payments.pendingExpiredBy(clock.now(), limit)) {
    const status = await deps.providers[payment.provider].query(payment).catch((error: unknown) => {
      logger.warn('provider status query failed', { paymentId: payment.paymentId, error });
      return undefined;
    });
    if (!status || status.outcome === 'pending') {
      counts.skipped++; // the provider is still working on it, or did not answer: ask again next run
      continue;
    }
    const paid = status.outcome === 'succeeded';
    const result = await settlePayment(deps, {
      provider: payment.provider,
      ref: payment.providerRef,
      amount: paid ? status.amount : payment.amount,
      outcome: paid ? 'succeeded' : 'expired',
      ...(status.transactionId ? { transactionId: status.transactionId } : {}),
      ...(status.paidAt ? { paidAt: status.paidAt } : {}),
      kind: paid ? 'reconciliation' : 'expiry',
      received: status.received ?? {},
    });
    if (paid && result === 'applied') counts.paid++;
    else if (result === 'recorded_failure') counts.expired++;
  }
  return counts;
}
