import { listProceduresOperation } from '../../shared/modules/catalogue/api/operations';
import { catalogueReader } from '../../shared/app/wiring/catalogue';
import { systemClock } from '../../shared/platform/kernel/time';
import { httpRoute } from '../../shared/platform/http/route';
import { listProcedures } from '../../shared/modules/catalogue/use-cases/catalogue';

export const handler = httpRoute(listProceduresOperation, async ({ query }) => ({
  statusCode: 200,
  body: await listProcedures(catalogueReader(), systemClock, query),
}));
