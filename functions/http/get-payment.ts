import { getPaymentOperation } from '../../shared/modules/payments/api/operations';
import type { Container } from '../../shared/app/container';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { NotFoundError } from '../../shared/platform/kernel/errors';
import { httpRoute } from '../../shared/platform/http/route';
import { toPaymentView } from '../../shared/modules/payments/use-cases/create-payment';

export const makeHandler = (container: Container) => httpRoute(getPaymentOperation, async ({ params, principal }) => {
  const payment = await container.paymentStore.get(params.paymentId);
  if (!payment || principal.kind !== 'citizen' || payment.citizenId !== principal.citizenId) throw new NotFoundError(`No payment ${params.paymentId}`);
  return { statusCode: 200, body: toPaymentView(payment) };
}, container.routeOptions);

export const handler = lazyHandler(makeHandler);
