import { deliveryDeps, postalService } from '../../shared/adapters/deliveries';
import { postalSettings } from '../../shared/config/postal-settings';
import { logger } from '../../shared/observability/logger';
import { reconcileDeliveries } from '../../shared/use-cases/deliveries';

/** Deliveries the carrier has been quiet about are pulled from its tracking API, with the webhook's rules. */
export const handler = async () => {
  const settings = await postalSettings();
  const result = await reconcileDeliveries({ ...deliveryDeps(), postal: await postalService() }, settings.reconcileAfterMinutes * 60_000);
  if (result.applied > 0) logger.info('deliveries reconciled', result);
  return result;
};
