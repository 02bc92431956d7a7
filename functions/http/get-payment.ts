import { getPaymentOperation } from '../../shared/modules/payments/api/operations';
import { base } from '../../shared/app/container/base';
import { paymentStore } from '../../shared/app/container/payments';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { getPayment } from '../../shared/modules/payments/use-cases/get-payment';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, paymentStore] as const;
type Deps = ContainerOf<typeof parts>;

export const makeHandler = (container: Deps) => httpRoute(getPaymentOperation, async ({ params, principal }) => {
  return { statusCode: 200, body: await getPayment(container.paymentStore, principal, params.paymentId) };
}, container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
