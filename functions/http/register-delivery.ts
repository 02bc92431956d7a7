import { registerDeliveryOperation } from '../../shared/modules/deliveries/api/operations';
import type { Container } from '../../shared/app/container';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { registerDelivery } from '../../shared/modules/deliveries/use-cases/deliveries';

export const makeHandler = (container: Container) => httpRoute(registerDeliveryOperation, async ({ params, body, principal }) => ({
  statusCode: 201,
  body: await registerDelivery(container.deliveryDeps, principal, params.dossierNo, body),
}), container.routeOptions);

export const handler = lazyHandler(makeHandler);
