import { getPaymentOperation } from '../../shared/api/operations/payments';
import { paymentStore } from '../../shared/adapters/payments';
import { NotFoundError } from '../../shared/domain/errors';
import { httpRoute } from '../../shared/http/route';
import { toPaymentView } from '../../shared/use-cases/payments/create-payment';

export const handler = httpRoute(getPaymentOperation, async ({ params, principal }) => {
  const payment = await paymentStore().get(params.paymentId);
  if (!payment || principal.kind !== 'citizen' || payment.citizenId !== principal.citizenId) throw new NotFoundError(`No payment ${params.paymentId}`);
  return { statusCode: 200, body: toPaymentView(payment) };
});
