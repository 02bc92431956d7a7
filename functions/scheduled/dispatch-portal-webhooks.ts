import { base } from '../../shared/app/container/base';
import { webhookRequests } from '../../shared/app/container/portal-webhooks';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { logger } from '../../shared/platform/observability/logger';
import { dispatchDueWebhooks } from '../../shared/modules/portal-webhooks/use-cases/dispatch';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, webhookRequests] as const;
type Deps = ContainerOf<typeof parts>;

/**
 * Every 5 minutes: the portal webhooks whose next attempt falls due within the next 10 minutes (the
 * long waits of the retry schedule, and any retry whose message could not be queued) are queued,
 * each delayed to its due second.
 */
export const makeHandler = (container: Deps) => async (): Promise<{ queued: number }> => {
  const queued = await dispatchDueWebhooks(container.webhookRequests);
  if (queued > 0) logger.info('portal webhook retries queued', { queued });
  return { queued };
};

export const handler = lazyHandler(makeHandler, parts);
