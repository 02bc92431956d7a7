import { quoteFeesOperation } from '../../shared/modules/fees/api/operations';
import type { Container } from '../../shared/app/container';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { quoteFeesForRequest } from '../../shared/modules/fees/use-cases/quote-fees';

export const makeHandler = (container: Container) => httpRoute(quoteFeesOperation, async ({ body }) => ({
  statusCode: 200,
  body: await quoteFeesForRequest(container.catalogue, container.clock, body),
}), container.routeOptions);

export const handler = lazyHandler(makeHandler);
