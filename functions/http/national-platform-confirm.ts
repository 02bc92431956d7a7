import { base } from '../../shared/app/container/base';
import { settlement } from '../../shared/app/container/payments';
import { nationalPlatformCallbacks } from '../../shared/app/container/national-platform';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { answerConfirm, nationalPlatformConfirmOperation } from '../../shared/modules/payments/providers/national-platform';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, settlement, nationalPlatformCallbacks] as const;
type Deps = ContainerOf<typeof parts>;

/**
 * The national payment platform's Confirm. It always gets a JSON reply signed with our own MaXacThuc.
 * Money taken at a wrong amount (or by a second transaction) is raised in the finance exceptions
 * queue by settlement itself, before the reply.
 */
export const makeHandler = (container: Deps) => httpRoute(nationalPlatformConfirmOperation, async ({ body }) => ({
  statusCode: 200,
  body: await answerConfirm(container.settleDeps, () => container.nationalPlatformSettings, body),
}), container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
