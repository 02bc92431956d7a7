import { listReceiptsOperation } from '../../shared/modules/receipts/api/operations';
import { base } from '../../shared/app/container/base';
import { dossierStore } from '../../shared/app/container/dossiers';
import { receiptStore } from '../../shared/app/container/receipts';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { listReceipts } from '../../shared/modules/receipts/use-cases/list-receipts';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, dossierStore, receiptStore] as const;
type Deps = ContainerOf<typeof parts>;

export const makeHandler = (container: Deps) => httpRoute(listReceiptsOperation, async ({ params, principal }) => ({
  statusCode: 200,
  body: await listReceipts({ dossiers: container.dossierStore, receipts: container.receiptStore }, principal, params.dossierNo),
}), container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
