import { listRefundsOperation } from '../../shared/modules/finance/api/operations';
import { base } from '../../shared/app/container/base';
import { financeStore } from '../../shared/app/container/finance-store';
import { paymentStore } from '../../shared/app/container/payments';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { listRefunds } from '../../shared/modules/finance/use-cases/refunds';

/** A read: the stores only (no provider settings, no secret, no queue). */
const parts = [base, financeStore, paymentStore] as const;

export const makeHandler = (container: ContainerOf<typeof parts>) => httpRoute(listRefundsOperation, async ({ params, principal }) => ({
  statusCode: 200,
  body: await listRefunds({ finance: container.financeStore, payments: container.paymentStore }, principal, params.paymentId),
}), container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
