import { postalWebhookOperation } from '../../shared/modules/deliveries/api/operations';
import { base } from '../../shared/app/container/base';
import { secrets } from '../../shared/app/container/secrets';
import { deliveries } from '../../shared/app/container/deliveries';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { readSecretList } from '../../shared/platform/config/secrets';
import { AuthenticationError } from '../../shared/platform/kernel/errors';
import { verifySignature } from '../../shared/platform/kernel/timestamped-hmac';
import { httpRoute } from '../../shared/platform/http/route';
import { header, type ParsedHttpEvent } from '../../shared/platform/http/types';
import { logger } from '../../shared/platform/observability/logger';
import { handlePostalWebhook } from '../../shared/modules/deliveries/use-cases/deliveries';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, secrets, deliveries] as const;
type Deps = ContainerOf<typeof parts>;

async function verify(container: Deps, event: ParsedHttpEvent): Promise<void> {
  const check = verifySignature(header(event, 'x-signature'), event.rawBody ?? '', await readSecretList(container.secrets, container.carriers.active(container.settings.values).secrets.webhook), container.clock.now());
  if (!check.valid) {
    logger.warn('postal webhook refused', { reason: check.reason });
    throw new AuthenticationError(`Invalid signature (${check.reason})`);
  }
}

/** The postal service's delivery events: signature over the raw bytes first, then event by event. */
export const makeHandler = (container: Deps) => httpRoute(postalWebhookOperation, async ({ body }) => ({
  statusCode: 200,
  body: { results: await handlePostalWebhook(container.deliveryDeps, body) },
}), { ...container.routeOptions, before: (event) => verify(container, event) });

export const handler = lazyHandler(makeHandler, parts);
