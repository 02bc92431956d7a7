import { quoteFeesOperation } from '../../shared/api/operations/fees';
import { catalogueReader } from '../../shared/adapters/catalogue';
import { systemClock } from '../../shared/domain/time';
import { httpRoute } from '../../shared/http/route';
import { quoteFeesForRequest } from '../../shared/use-cases/quote-fees';

export const handler = httpRoute(quoteFeesOperation, async ({ body }) => ({
  statusCode: 200,
  body: await quoteFeesForRequest(catalogueReader(), systemClock, body),
}));
