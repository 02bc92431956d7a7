import type { Context } from 'aws-lambda';
import { paymentProviders, settleDeps } from '../../shared/app/wiring/payments';
import { systemClock } from '../../shared/platform/kernel/time';
import { logger } from '../../shared/platform/observability/logger';
import { expirePayments } from '../../shared/modules/payments/use-cases/expire-payments';

/** Leaves room for the queries in flight (10 s timeout each) and the last writes before Lambda stops us. */
const STOP_MARGIN_MS = 15_000;

/** Every minute: pending payments past their expiry are reconciled with the provider, then expired. */
export const handler = async (_event?: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>) => {
  const result = await expirePayments({ ...settleDeps(), providers: await paymentProviders() }, systemClock, {
    shouldStop: () => (context?.getRemainingTimeInMillis ? context.getRemainingTimeInMillis() < STOP_MARGIN_MS : false),
  });
  if (result.expired + result.paid > 0 || result.skipped > 0) logger.info('payment expiry', { ...result });
  return result;
};
