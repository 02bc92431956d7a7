import { getDeliveryOperation } from '../../shared/modules/deliveries/api/operations';
import { deliveryDeps } from '../../shared/app/wiring/deliveries';
import { httpRoute } from '../../shared/platform/http/route';
import { getDelivery } from '../../shared/modules/deliveries/use-cases/deliveries';

export const handler = httpRoute(getDeliveryOperation, async ({ params, principal }) => ({
  statusCode: 200,
  body: await getDelivery(deliveryDeps(), principal, params.dossierNo),
}));
