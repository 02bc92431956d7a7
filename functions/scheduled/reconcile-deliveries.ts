import { deliveryDeps, postalService } from '../../shared/app/wiring/deliveries';
import { postalSettings } from '../../shared/modules/deliveries/settings';
import { logger } from '../../shared/platform/observability/logger';
import { reconcileDeliveries } from '../../shared/modules/deliveries/use-cases/deliveries';

/** Deliveries the carrier has been quiet about are pulled from its tracking API, with the webhook's rules. */
export const handler = async () => {
  const settings = await postalSettings();
  const result = await reconcileDeliveries({ ...deliveryDeps(), postal: await postalService() }, settings.reconcileAfterMinutes * 60_000);
  if (result.applied > 0) logger.info('deliveries reconciled', result);
  return result;
};
