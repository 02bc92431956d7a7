import { base } from '../../shared/app/container/base';
import { settlement } from '../../shared/app/container/payments';
import { nationalPlatformCallbacks } from '../../shared/app/container/national-platform';
import { financeStore } from '../../shared/app/container/finance';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { logger } from '../../shared/platform/observability/logger';
import { answerConfirm, ConfirmReply, nationalPlatformConfirmOperation, replyTo } from '../../shared/modules/payments/providers/national-platform';
import { raiseGatewayAmountMismatch } from '../../shared/modules/finance';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, settlement, nationalPlatformCallbacks, financeStore] as const;
type Deps = ContainerOf<typeof parts>;

/** The national payment platform's Confirm. It always gets a JSON reply signed with our own MaXacThuc. */
export const makeHandler = (container: Deps) => httpRoute(nationalPlatformConfirmOperation, async ({ body }) => {
  const { reply, amountMismatch } = await answerConfirm(container.settleDeps, () => container.nationalPlatformSettings, body);
  // Only after the checksum and partner checks passed, for money taken: raised before the reply, so
  // that if raising fails the answer is 99, the platform asks again, settlement answers 04 again and
  // the exception (its id derived from the payment) is raised then, once.
  if (amountMismatch) {
    try {
      await raiseGatewayAmountMismatch({ finance: container.financeStore, payments: container.settleDeps.payments, clock: container.clock }, amountMismatch);
    } catch (error) {
      logger.error('raising the amount mismatch failed; the platform will retry', { error });
      return { statusCode: 200, body: replyTo(body, ConfirmReply.OTHER_ERROR, await container.nationalPlatformSettings) };
    }
  }
  return { statusCode: 200, body: reply };
}, container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
