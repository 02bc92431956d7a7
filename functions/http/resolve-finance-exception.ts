import { resolveExceptionOperation } from '../../shared/modules/finance/api/operations';
import { base } from '../../shared/app/container/base';
import { financeExceptions } from '../../shared/app/container/finance';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { resolveException } from '../../shared/modules/finance/use-cases/exceptions';

const parts = [base, financeExceptions] as const;

export const makeHandler = (container: ContainerOf<typeof parts>) => httpRoute(resolveExceptionOperation, async ({ params, body, principal }) => ({
  statusCode: 200,
  body: await resolveException(container.exceptionDeps, principal, params.exceptionId, body),
}), container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
