import { createPaymentOperation } from '../../shared/modules/payments/api/operations';
import { createPaymentDeps } from '../../shared/app/wiring/payments';
import { httpRoute } from '../../shared/platform/http/route';
import { createPayment } from '../../shared/modules/payments/use-cases/create-payment';

export const handler = httpRoute(createPaymentOperation, async ({ params, body, headers, principal, event }) => {
  const result = await createPayment(await createPaymentDeps(), principal, params.dossierNo, body, headers['idempotency-key'], event.requestContext.http.sourceIp);
  return { statusCode: result.statusCode, body: result.body };
});
