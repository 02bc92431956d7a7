import { listProceduresOperation } from '../../shared/api/operations/catalogue';
import { catalogueReader } from '../../shared/adapters/catalogue';
import { systemClock } from '../../shared/domain/time';
import { httpRoute } from '../../shared/http/route';
import { listProcedures } from '../../shared/use-cases/catalogue';

export const handler = httpRoute(listProceduresOperation, async ({ query }) => ({
  statusCode: 200,
  body: await listProcedures(catalogueReader(), systemClock, query),
}));
