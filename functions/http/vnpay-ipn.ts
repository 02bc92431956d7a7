import { vnpayIpnOperation } from '../../shared/modules/payments/api/operations';
import { base } from '../../shared/app/container/base';
import { settlement } from '../../shared/app/container/payments';
import { vnpayCallbacks } from '../../shared/app/container/vnpay';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { answerIpn } from '../../shared/modules/payments/providers/vnpay';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, settlement, vnpayCallbacks] as const;
type Deps = ContainerOf<typeof parts>;

/** The gateway's server-to-server result. It always gets a JSON reply; only 00 and 02 stop its retries. */
export const makeHandler = (container: Deps) => httpRoute(vnpayIpnOperation, async ({ event }) => {
  const params = Object.fromEntries(new URLSearchParams(event.rawQueryString));
  return { statusCode: 200, body: await answerIpn(container.settleDeps, () => container.vnpaySettings, params) };
}, container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
