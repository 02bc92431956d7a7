import { getProcedureOperation } from '../../shared/modules/catalogue/api/operations';
import { catalogueReader } from '../../shared/app/wiring/catalogue';
import { systemClock } from '../../shared/platform/kernel/time';
import { httpRoute } from '../../shared/platform/http/route';
import { getProcedure } from '../../shared/modules/catalogue/use-cases/catalogue';

export const handler = httpRoute(getProcedureOperation, async ({ params }) => ({
  statusCode: 200,
  body: await getProcedure(catalogueReader(), systemClock, params.procedureCode),
}));
