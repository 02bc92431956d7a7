import { NotFoundError } from '../../../platform/kernel/errors';
import type { Principal } from '../../../platform/http/principal';
import type { PaymentView } from '../api/payment';
import type { PaymentStore } from '../ports';
import { toPaymentView } from './create-payment';

/** GET /v1/payments/{id}: one's own payment; anyone else's is as unknown as a payment that does not exist. */
export async function getPayment(payments: Pick<PaymentStore, 'get'>, principal: Principal, paymentId: string): Promise<PaymentView> {
  const payment = await payments.get(paymentId);
  if (!payment || principal.kind !== 'citizen' || payment.citizenId !== principal.citizenId) throw new NotFoundError(`No payment ${paymentId}`);
  return toPaymentView(payment);
}
