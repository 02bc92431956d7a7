import { registerDeliveryOperation } from '../../shared/modules/deliveries/api/operations';
import { deliveryDeps } from '../../shared/app/wiring/deliveries';
import { httpRoute } from '../../shared/platform/http/route';
import { registerDelivery } from '../../shared/modules/deliveries/use-cases/deliveries';

export const handler = httpRoute(registerDeliveryOperation, async ({ params, body, principal }) => ({
  statusCode: 201,
  body: await registerDelivery(deliveryDeps(), principal, params.dossierNo, body),
}));
