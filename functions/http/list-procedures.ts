import { listProceduresOperation } from '../../shared/modules/catalogue/api/operations';
import { base } from '../../shared/app/container/base';
import { catalogue } from '../../shared/app/container/catalogue';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { listProcedures } from '../../shared/modules/catalogue/use-cases/catalogue';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, catalogue] as const;
type Deps = ContainerOf<typeof parts>;

export const makeHandler = (container: Deps) => httpRoute(listProceduresOperation, async ({ query }) => ({
  statusCode: 200,
  body: await listProcedures(container.catalogue, container.clock, query),
}), container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
