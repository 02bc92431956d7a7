import { getPaymentOperation } from '../../shared/modules/payments/api/operations';
import type { Container } from '../../shared/app/container';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { getPayment } from '../../shared/modules/payments/use-cases/get-payment';

export const makeHandler = (container: Container) => httpRoute(getPaymentOperation, async ({ params, principal }) => {
  return { statusCode: 200, body: await getPayment(container.paymentStore, principal, params.paymentId) };
}, container.routeOptions);

export const handler = lazyHandler(makeHandler);
