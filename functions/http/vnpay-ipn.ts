import { vnpayIpnOperation } from '../../shared/modules/payments/api/operations';
import type { Container } from '../../shared/app/container';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { settingsOf } from '../../shared/modules/payments/providers/registry';
import { answerIpn, vnpay } from '../../shared/modules/payments/providers/vnpay';

/** The gateway's server-to-server result. It always gets a JSON reply; only 00 and 02 stop its retries. */
export const makeHandler = (container: Container) => httpRoute(vnpayIpnOperation, async ({ event }) => {
  const params = Object.fromEntries(new URLSearchParams(event.rawQueryString));
  const settings = async () => settingsOf(vnpay, (await container.paymentSettings).providers);
  return { statusCode: 200, body: await answerIpn(container.settleDeps, settings, params) };
}, container.routeOptions);

export const handler = lazyHandler(makeHandler);
