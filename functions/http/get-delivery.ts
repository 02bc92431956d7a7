import { getDeliveryOperation } from '../../shared/modules/deliveries/api/operations';
import type { Container } from '../../shared/app/container';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { getDelivery } from '../../shared/modules/deliveries/use-cases/deliveries';

export const makeHandler = (container: Container) => httpRoute(getDeliveryOperation, async ({ params, principal }) => ({
  statusCode: 200,
  body: await getDelivery(container.deliveryDeps, principal, params.dossierNo),
}), container.routeOptions);

export const handler = lazyHandler(makeHandler);
