import { registerDeliveryOperation } from '../../shared/api/operations/deliveries';
import { deliveryDeps } from '../../shared/adapters/deliveries';
import { httpRoute } from '../../shared/http/route';
import { registerDelivery } from '../../shared/use-cases/deliveries';

export const handler = httpRoute(registerDeliveryOperation, async ({ params, body, principal }) => ({
  statusCode: 201,
  body: await registerDelivery(deliveryDeps(), principal, params.dossierNo, body),
}));
