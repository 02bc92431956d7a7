import { zaloWebhookOperation } from '../../shared/modules/notifications/api/operations';
import { base } from '../../shared/app/container/base';
import { secrets } from '../../shared/app/container/secrets';
import { noticeQueue, notificationStore } from '../../shared/app/container/notifications';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { AuthenticationError } from '../../shared/platform/kernel/errors';
import { header, type ParsedHttpEvent } from '../../shared/platform/http/types';
import { httpRoute } from '../../shared/platform/http/route';
import { logger } from '../../shared/platform/observability/logger';
import { verifyWebhook, type ZnsReceipt } from '../../shared/modules/notifications/channels/zns/protocol';
import { zaloWebhookSecrets } from '../../shared/modules/notifications/channels/registry';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, secrets, notificationStore, noticeQueue] as const;
type Deps = ContainerOf<typeof parts>;

/** The receipt verified in `before`, kept per request for the route body. */
const verified = new WeakMap<object, ZnsReceipt | undefined>();

async function verify(container: Deps, event: ParsedHttpEvent): Promise<void> {
  const settings = container.notificationSettings;
  const check = verifyWebhook({
    rawBody: event.rawBody ?? '',
    signature: header(event, 'x-zevent-signature'),
    appId: settings.zns.appId,
    secrets: await zaloWebhookSecrets(container.secrets),
    now: container.clock.now(),
    maxAgeMs: settings.webhookMaxAgeSeconds * 1000,
  });
  if (!check.valid) {
    logger.warn('zalo webhook refused', { reason: check.reason });
    throw new AuthenticationError(`Invalid signature (${check.reason})`);
  }
  if (check.event !== 'user_received_message') logger.info('zalo event ignored', { event: check.event });
  verified.set(event, check.receipt);
}

/** Verified over the raw bytes, queued, answered at once (Zalo wants 200 within 2 s). */
export const makeHandler = (container: Deps) =>
  httpRoute(zaloWebhookOperation, async ({ event }) => {
    const receipt = verified.get(event);
    if (receipt) await container.noticeQueue.send({ type: 'receipt', trackingId: receipt.trackingId, messageId: receipt.msgId, deliveredAt: receipt.deliveredAt });
    return { statusCode: 200, body: { received: true } };
  }, { ...container.routeOptions, before: (event) => verify(container, event) });

export const handler = lazyHandler(makeHandler, parts);
