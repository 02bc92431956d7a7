import { createPaymentOperation } from '../../shared/modules/payments/api/operations';
import type { Container } from '../../shared/app/container';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { createPayment } from '../../shared/modules/payments/use-cases/create-payment';

export const makeHandler = (container: Container) => httpRoute(createPaymentOperation, async ({ params, body, headers, principal, event }) => {
  const result = await createPayment(await container.createPaymentDeps, principal, params.dossierNo, body, headers['idempotency-key'], event.requestContext.http.sourceIp);
  return { statusCode: result.statusCode, body: result.body };
}, container.routeOptions);

export const handler = lazyHandler(makeHandler);
