import { base } from '../../shared/app/container/base';
import { deliveries, postalService } from '../../shared/app/container/deliveries';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { logger } from '../../shared/platform/observability/logger';
import { reconcileDeliveries } from '../../shared/modules/deliveries/use-cases/deliveries';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, deliveries, postalService] as const;
type Deps = ContainerOf<typeof parts>;

/** Deliveries the carrier has been quiet about are pulled from its tracking API, with the webhook's rules. */
export const makeHandler = (container: Deps) => async () => {
  const settings = await container.postalSettings;
  const result = await reconcileDeliveries({ ...container.deliveryDeps, postal: await container.postalService }, settings.reconcileAfterMinutes * 60_000);
  if (result.applied > 0) logger.info('deliveries reconciled', result);
  return result;
};

export const handler = lazyHandler(makeHandler, parts);
