import { confirmManualRefundOperation } from '../../shared/modules/finance/api/operations';
import { base } from '../../shared/app/container/base';
import { refunds } from '../../shared/app/container/finance';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { confirmManualRefund } from '../../shared/modules/finance/use-cases/refunds';

const parts = [base, refunds] as const;

export const makeHandler = (container: ContainerOf<typeof parts>) => httpRoute(confirmManualRefundOperation, async ({ params, body, principal }) => ({
  statusCode: 200,
  body: await confirmManualRefund(await container.refundDeps, principal, params.paymentId, params.refundId, body),
}), container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
