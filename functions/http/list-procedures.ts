import { listProceduresOperation } from '../../shared/modules/catalogue/api/operations';
import type { Container } from '../../shared/app/container';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { listProcedures } from '../../shared/modules/catalogue/use-cases/catalogue';

export const makeHandler = (container: Container) => httpRoute(listProceduresOperation, async ({ query }) => ({
  statusCode: 200,
  body: await listProcedures(container.catalogue, container.clock, query),
}), container.routeOptions);

export const handler = lazyHandler(makeHandler);
