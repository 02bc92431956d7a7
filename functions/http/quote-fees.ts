import { quoteFeesOperation } from '../../shared/modules/fees/api/operations';
import { catalogueReader } from '../../shared/app/wiring/catalogue';
import { systemClock } from '../../shared/platform/kernel/time';
import { httpRoute } from '../../shared/platform/http/route';
import { quoteFeesForRequest } from '../../shared/modules/fees/use-cases/quote-fees';

export const handler = httpRoute(quoteFeesOperation, async ({ body }) => ({
  statusCode: 200,
  body: await quoteFeesForRequest(catalogueReader(), systemClock, body),
}));
