import { listExceptionsOperation } from '../../shared/modules/finance/api/operations';
import { base } from '../../shared/app/container/base';
import { financeStore } from '../../shared/app/container/finance';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { listExceptions } from '../../shared/modules/finance/use-cases/exceptions';

const parts = [base, financeStore] as const;

export const makeHandler = (container: ContainerOf<typeof parts>) => httpRoute(listExceptionsOperation, async ({ query, principal }) => ({
  statusCode: 200,
  body: await listExceptions({ finance: container.financeStore }, principal, query.agencyCode, query.status),
}), container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
