import { vietqrWebhookOperation } from '../../shared/modules/payments/api/operations';
import { base } from '../../shared/app/container/base';
import { secrets } from '../../shared/app/container/secrets';
import { settlement } from '../../shared/app/container/payments';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { readSecretList } from '../../shared/platform/config/secrets';
import { header } from '../../shared/platform/http/types';
import { httpRoute } from '../../shared/platform/http/route';
import { settleTransfer, verifyTransferSignature } from '../../shared/modules/payments/providers/vietqr';
import { financeStore } from '../../shared/app/container/finance';
import { raiseTransferException } from '../../shared/modules/finance/use-cases/transfers';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, secrets, settlement, financeStore] as const;
type Deps = ContainerOf<typeof parts>;

/** The bank's transfer notification: the signature over the raw bytes first, then the same settlement as the gateway. */
export const makeHandler = (container: Deps) => httpRoute(vietqrWebhookOperation, async ({ body }) => {
  const result = await settleTransfer(container.settleDeps, body);
  // Before the 200: if raising fails the bank retries, settlement answers the same, and it is raised then
  // (a wrong amount or a second transfer is raised by settlement itself; an unmatched one here).
  await raiseTransferException({ finance: container.financeStore, clock: container.clock }, result, body);
  return { statusCode: 200, body: { result } };
}, {
  ...container.routeOptions,
  before: async (event) =>
    verifyTransferSignature(header(event, 'x-signature'), event.rawBody ?? '', await readSecretList(container.secrets, 'VIETQR_WEBHOOK_SECRETS'), container.clock.now()),
});

export const handler = lazyHandler(makeHandler, parts);
