import type { Context } from 'aws-lambda';
import type { Container } from '../../shared/app/container';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { logger } from '../../shared/platform/observability/logger';
import { expirePayments } from '../../shared/modules/payments/use-cases/expire-payments';

/** Leaves room for the queries in flight (10 s timeout each) and the last writes before Lambda stops us. */
const STOP_MARGIN_MS = 15_000;

/** Every minute: pending payments past their expiry are reconciled with the provider, then expired. */
export const makeHandler = (container: Container) => async (_event?: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>) => {
  const result = await expirePayments({ ...container.settleDeps, providers: await container.paymentProviders }, container.clock, {
    shouldStop: () => (context?.getRemainingTimeInMillis ? context.getRemainingTimeInMillis() < STOP_MARGIN_MS : false),
  });
  if (result.expired + result.paid > 0 || result.skipped > 0) logger.info('payment expiry', { ...result });
  return result;
};

export const handler = lazyHandler(makeHandler);
