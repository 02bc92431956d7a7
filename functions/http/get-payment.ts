import { getPaymentOperation } from '../../shared/modules/payments/api/operations';
import { paymentStore } from '../../shared/app/wiring/payments';
import { NotFoundError } from '../../shared/platform/kernel/errors';
import { httpRoute } from '../../shared/platform/http/route';
import { toPaymentView } from '../../shared/modules/payments/use-cases/create-payment';

export const handler = httpRoute(getPaymentOperation, async ({ params, principal }) => {
  const payment = await paymentStore().get(params.paymentId);
  if (!payment || principal.kind !== 'citizen' || payment.citizenId !== principal.citizenId) throw new NotFoundError(`No payment ${params.paymentId}`);
  return { statusCode: 200, body: toPaymentView(payment) };
});
