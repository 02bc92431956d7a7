import { quoteFeesOperation } from '../../shared/modules/fees/api/operations';
import { base } from '../../shared/app/container/base';
import { catalogue } from '../../shared/app/container/catalogue';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { quoteFeesForRequest } from '../../shared/modules/fees/use-cases/quote-fees';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, catalogue] as const;
type Deps = ContainerOf<typeof parts>;

export const makeHandler = (container: Deps) => httpRoute(quoteFeesOperation, async ({ body }) => ({
  statusCode: 200,
  body: await quoteFeesForRequest(container.catalogue, container.clock, body),
}), container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
