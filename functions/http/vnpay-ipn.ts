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

/**
 * The gateway's server-to-server result. It always gets a JSON reply; only 00 and 02 stop its retries.
 * Money taken at a wrong amount (04) or by a second transaction (02 under a new vnp_TransactionNo)
 * is raised in the finance exceptions queue by settlement itself, before the reply: if raising
 * fails the answer is 99, the gateway asks again, and it is raised then, once.
 */
export const makeHandler = (container: Deps) => httpRoute(vnpayIpnOperation, async ({ event }) => ({
  statusCode: 200,
  body: await answerIpn(container.settleDeps, () => container.vnpaySettings, Object.fromEntries(new URLSearchParams(event.rawQueryString))),
}), container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
