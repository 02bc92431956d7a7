import { vnpayReturnOperation } from '../../shared/modules/payments/api/operations';
import type { Container } from '../../shared/app/container';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { settingsOf } from '../../shared/modules/payments/providers/registry';
import { returnRedirect, vnpay } from '../../shared/modules/payments/providers/vnpay';

/**
 * Where the citizen's browser lands after the gateway. It is for display only: it verifies the
 * signature, changes nothing, and sends the browser to the portal with the payment's recorded status.
 */
export const makeHandler = (container: Container) => httpRoute(vnpayReturnOperation, async ({ event }) => {
  const params = Object.fromEntries(new URLSearchParams(event.rawQueryString));
  const settings = await container.paymentSettings;
  const target = await returnRedirect({ payments: container.paymentStore, returnOrigins: settings.returnOrigins }, settingsOf(vnpay, settings.providers), params);
  return { statusCode: 302, headers: { location: target.toString(), 'cache-control': 'no-store' } };
}, container.routeOptions);

export const handler = lazyHandler(makeHandler);
