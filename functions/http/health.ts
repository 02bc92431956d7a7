import { healthOperation } from '../../shared/app/system/operations';
import { httpRoute } from '../../shared/platform/http/route';
import { base } from '../../shared/app/container/base';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base] as const;
type Deps = ContainerOf<typeof parts>;

export const makeHandler = (container: Deps) => httpRoute(healthOperation, () => ({
  statusCode: 200,
  body: { status: 'ok', service: 'toantrinh', version: container.serviceVersion, time: container.clock.now().toISOString() },
}), container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
