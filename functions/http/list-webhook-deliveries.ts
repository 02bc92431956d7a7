import { listWebhookDeliveriesOperation } from '../../shared/modules/portal-webhooks/api/operations';
import { base } from '../../shared/app/container/base';
import { dossierStore } from '../../shared/app/container/dossiers';
import { webhookDeliveries } from '../../shared/app/container/portal-webhooks';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { listWebhookDeliveries } from '../../shared/modules/portal-webhooks/use-cases/list';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, dossierStore, webhookDeliveries] as const;
type Deps = ContainerOf<typeof parts>;

export const makeHandler = (container: Deps) => httpRoute(listWebhookDeliveriesOperation, async ({ query, principal }) => ({
  statusCode: 200,
  body: await listWebhookDeliveries({ store: container.webhookDeliveries, dossiers: container.dossierStore }, principal, query),
}), container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
