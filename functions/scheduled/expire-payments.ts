import { paymentProviders, settleDeps } from '../../shared/adapters/payments';
import { systemClock } from '../../shared/domain/time';
import { logger } from '../../shared/observability/logger';
import { expirePayments } from '../../shared/use-cases/payments/expire-payments';

/** Every minute: pending payments past their expiry are reconciled with the provider, then expired. */
export const handler = async () => {
  const result = await expirePayments({ ...settleDeps(), providers: await paymentProviders() }, systemClock);
  if (result.expired + result.paid > 0) logger.info('payment expiry', result);
  return result;
};
