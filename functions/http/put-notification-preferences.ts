import { putNotificationPreferencesOperation } from '../../shared/modules/notifications/api/operations';
import { base } from '../../shared/app/container/base';
import { notificationStore } from '../../shared/app/container/notifications';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { setPreferences } from '../../shared/modules/notifications/use-cases/notices';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, notificationStore] as const;
type Deps = ContainerOf<typeof parts>;

export const makeHandler = (container: Deps) => httpRoute(putNotificationPreferencesOperation, async ({ body, principal }) => ({
  statusCode: 200,
  body: await setPreferences({ store: container.notificationStore, clock: container.clock }, principal, body.channels),
}), container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
