import { requestRefundOperation } from '../../shared/modules/finance/api/operations';
import { base } from '../../shared/app/container/base';
import { refunds } from '../../shared/app/container/finance';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { requestRefund } from '../../shared/modules/finance/use-cases/refunds';

const parts = [base, refunds] as const;

export const makeHandler = (container: ContainerOf<typeof parts>) => httpRoute(requestRefundOperation, async ({ params, body, headers, principal }) => {
  const result = await requestRefund(await container.refundDeps, principal, params.paymentId, body, headers['idempotency-key']);
  return { statusCode: result.statusCode, body: result.body };
}, container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
