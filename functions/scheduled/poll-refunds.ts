import type { ScheduledEvent } from 'aws-lambda';
import { base } from '../../shared/app/container/base';
import { refunds } from '../../shared/app/container/finance';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { logger } from '../../shared/platform/observability/logger';
import { pollSubmittedRefunds } from '../../shared/modules/finance/use-cases/refunds';

const parts = [base, refunds] as const;

/** Asks the provider about refunds still submitted (94, timeouts): never sends one twice. */
export const makeHandler = (container: ContainerOf<typeof parts>) => async (_event?: ScheduledEvent) => {
  const result = await pollSubmittedRefunds(await container.refundDeps);
  logger.info('submitted refunds polled', result);
  return result;
};

export const handler = lazyHandler(makeHandler, parts);
