import { getProcedureOperation } from '../../shared/modules/catalogue/api/operations';
import type { Container } from '../../shared/app/container';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { getProcedure } from '../../shared/modules/catalogue/use-cases/catalogue';

export const makeHandler = (container: Container) => httpRoute(getProcedureOperation, async ({ params }) => ({
  statusCode: 200,
  body: await getProcedure(container.catalogue, container.clock, params.procedureCode),
}), container.routeOptions);

export const handler = lazyHandler(makeHandler);
