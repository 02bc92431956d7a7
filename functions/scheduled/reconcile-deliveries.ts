import type { Container } from '../../shared/app/container';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { logger } from '../../shared/platform/observability/logger';
import { reconcileDeliveries } from '../../shared/modules/deliveries/use-cases/deliveries';

/** Deliveries the carrier has been quiet about are pulled from its tracking API, with the webhook's rules. */
export const makeHandler = (container: Container) => async () => {
  const settings = await container.postalSettings;
  const result = await reconcileDeliveries({ ...container.deliveryDeps, postal: await container.postalService }, settings.reconcileAfterMinutes * 60_000);
  if (result.applied > 0) logger.info('deliveries reconciled', result);
  return result;
};

export const handler = lazyHandler(makeHandler);
