import { getProcedureOperation } from '../../shared/api/operations/catalogue';
import { catalogueReader } from '../../shared/adapters/catalogue';
import { systemClock } from '../../shared/domain/time';
import { httpRoute } from '../../shared/http/route';
import { getProcedure } from '../../shared/use-cases/catalogue';

export const handler = httpRoute(getProcedureOperation, async ({ params }) => ({
  statusCode: 200,
  body: await getProcedure(catalogueReader(), systemClock, params.procedureCode),
}));
