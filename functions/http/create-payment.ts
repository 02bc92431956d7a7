import { createBasketPaymentOperation, createPaymentOperation } from '../../shared/modules/payments/api/operations';
import { base } from '../../shared/app/container/base';
import { paymentProviders } from '../../shared/app/container/payments';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { createBasketPayment, createPayment } from '../../shared/modules/payments/use-cases/create-payment';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, paymentProviders] as const;
type Deps = ContainerOf<typeof parts>;

const BASKET_ROUTE = `${createBasketPaymentOperation.method} ${createBasketPaymentOperation.path}`;

/**
 * Both ways of starting a payment, one dossier's and a basket's, in one function: they share their
 * code path, their grants and their warm container. API Gateway names the route that was called.
 */
export const makeHandler = (container: Deps) => {
  const single = httpRoute(createPaymentOperation, async ({ params, body, headers, principal, event }) => {
    const result = await createPayment(await container.createPaymentDeps, principal, params.dossierNo, body, headers['idempotency-key'], event.requestContext.http.sourceIp);
    return { statusCode: result.statusCode, body: result.body };
  }, container.routeOptions);
  const basket = httpRoute(createBasketPaymentOperation, async ({ body, headers, principal, event }) => {
    const result = await createBasketPayment(await container.createPaymentDeps, principal, body, headers['idempotency-key'], event.requestContext.http.sourceIp);
    return { statusCode: result.statusCode, body: result.body };
  }, container.routeOptions);
  return (...args: Parameters<typeof single>) => (args[0].routeKey === BASKET_ROUTE ? basket : single)(...args);
};

export const handler = lazyHandler(makeHandler, parts);
