import { createBasketPaymentOperation, createPaymentOperation } from '../../shared/modules/payments/api/operations';
import { base } from '../../shared/app/container/base';
import { paymentProviders } from '../../shared/app/container/payments';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { httpRouteTable } from '../../shared/platform/http/route-table';
import { createBasketPayment, createPayment } from '../../shared/modules/payments/use-cases/create-payment';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, paymentProviders] as const;
type Deps = ContainerOf<typeof parts>;

/**
 * Both ways of starting a payment, one dossier's and a basket's, in one function: they share their
 * code path, their grants and their warm container.
 */
export const makeHandler = (container: Deps) =>
  httpRouteTable([
    [
      createPaymentOperation,
      httpRoute(createPaymentOperation, async ({ params, body, headers, principal, event }) => {
        const result = await createPayment(await container.createPaymentDeps, principal, params.dossierNo, body, headers['idempotency-key'], event.requestContext.http.sourceIp);
        return { statusCode: result.statusCode, body: result.body };
      }, container.routeOptions),
    ],
    [
      createBasketPaymentOperation,
      httpRoute(createBasketPaymentOperation, async ({ body, headers, principal, event }) => {
        const result = await createBasketPayment(await container.createPaymentDeps, principal, body, headers['idempotency-key'], event.requestContext.http.sourceIp);
        return { statusCode: result.statusCode, body: result.body };
      }, container.routeOptions),
    ],
  ]);

export const handler = lazyHandler(makeHandler, parts);
