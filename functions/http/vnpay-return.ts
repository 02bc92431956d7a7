import { vnpayReturnOperation } from '../../shared/modules/payments/api/operations';
import { base } from '../../shared/app/container/base';
import { paymentStore } from '../../shared/app/container/payments';
import { vnpayCallbacks } from '../../shared/app/container/vnpay';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { returnRedirect } from '../../shared/modules/payments/providers/vnpay';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, paymentStore, vnpayCallbacks] as const;
type Deps = ContainerOf<typeof parts>;

/**
 * Where the citizen's browser lands after the gateway. It is for display only: it verifies the
 * signature, changes nothing, and sends the browser to the portal with the payment's recorded status.
 */
export const makeHandler = (container: Deps) => httpRoute(vnpayReturnOperation, async ({ event }) => {
  const params = Object.fromEntries(new URLSearchParams(event.rawQueryString));
  const target = await returnRedirect({ payments: container.paymentStore, returnOrigins: container.paymentReturnOrigins }, await container.vnpaySettings, params);
  return { statusCode: 302, headers: { location: target.toString(), 'cache-control': 'no-store' } };
}, container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
