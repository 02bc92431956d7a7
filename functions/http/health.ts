import { healthOperation } from '../../shared/app/system/operations';
import { httpRoute } from '../../shared/platform/http/route';
import type { Container } from '../../shared/app/container';
import { lazyHandler } from '../../shared/app/lazy-handler';

export const makeHandler = (container: Container) => httpRoute(healthOperation, () => ({
  statusCode: 200,
  body: { status: 'ok', service: 'toantrinh', version: container.serviceVersion, time: container.clock.now().toISOString() },
}), container.routeOptions);

export const handler = lazyHandler(makeHandler);
