import { createPaymentOperation } from '../../shared/api/operations/payments';
import { createPaymentDeps } from '../../shared/adapters/payments';
import { httpRoute } from '../../shared/http/route';
import { createPayment } from '../../shared/use-cases/payments/create-payment';

export const handler = httpRoute(createPaymentOperation, async ({ params, body, headers, principal, event }) => {
  const result = await createPayment(await createPaymentDeps(), principal, params.dossierNo, body, headers['idempotency-key'], event.requestContext.http.sourceIp);
  return { statusCode: result.statusCode, body: result.body };
});
