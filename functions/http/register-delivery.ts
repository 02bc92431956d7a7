import { registerDeliveryOperation } from '../../shared/modules/deliveries/api/operations';
import { base } from '../../shared/app/container/base';
import { deliveries } from '../../shared/app/container/deliveries';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { registerDelivery } from '../../shared/modules/deliveries/use-cases/deliveries';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, deliveries] as const;
type Deps = ContainerOf<typeof parts>;

export const makeHandler = (container: Deps) => httpRoute(registerDeliveryOperation, async ({ params, body, principal }) => ({
  statusCode: 201,
  body: await registerDelivery(container.deliveryDeps, principal, params.dossierNo, body),
}), container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
