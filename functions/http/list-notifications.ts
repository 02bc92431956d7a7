import { listNotificationsOperation } from '../../shared/modules/notifications/api/operations';
import { base } from '../../shared/app/container/base';
import { dossierStore } from '../../shared/app/container/dossiers';
import { notificationStore } from '../../shared/app/container/notifications';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { listNotices } from '../../shared/modules/notifications/use-cases/notices';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, dossierStore, notificationStore] as const;
type Deps = ContainerOf<typeof parts>;

export const makeHandler = (container: Deps) => httpRoute(listNotificationsOperation, async ({ params, principal }) => ({
  statusCode: 200,
  body: await listNotices({ store: container.notificationStore, dossiers: container.dossierStore }, principal, params.dossierNo),
}), container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
