import type { Context } from 'aws-lambda';
import { base } from '../../shared/app/container/base';
import { paymentProviders, settlement } from '../../shared/app/container/payments';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { logger } from '../../shared/platform/observability/logger';
import { expirePayments } from '../../shared/modules/payments/use-cases/expire-payments';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, settlement, paymentProviders] as const;
type Deps = ContainerOf<typeof parts>;

/** Leaves room for the queries in flight (10 s timeout each) and the last writes before Lambda stops us. */
const STOP_MARGIN_MS = 15_000;

/** Every minute: pending payments past their expiry are reconciled with the provider, then expired. */
export const makeHandler = (container: Deps) => async (_event?: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>) => {
  const result = await expirePayments({ ...container.settleDeps, providers: await container.paymentProviders }, container.clock, {
    shouldStop: () => (context?.getRemainingTimeInMillis ? context.getRemainingTimeInMillis() < STOP_MARGIN_MS : false),
  });
  if (result.expired + result.paid > 0 || result.skipped > 0) logger.info('payment expiry', { ...result });
  return result;
};

export const handler = lazyHandler(makeHandler, parts);
