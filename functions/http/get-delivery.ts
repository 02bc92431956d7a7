import { getDeliveryOperation } from '../../shared/api/operations/deliveries';
import { deliveryDeps } from '../../shared/adapters/deliveries';
import { httpRoute } from '../../shared/http/route';
import { getDelivery } from '../../shared/use-cases/deliveries';

export const handler = httpRoute(getDeliveryOperation, async ({ params, principal }) => ({
  statusCode: 200,
  body: await getDelivery(deliveryDeps(), principal, params.dossierNo),
}));
