import { postalWebhookOperation } from '../../shared/modules/deliveries/api/operations';
import { deliveryDeps } from '../../shared/app/wiring/deliveries';
import { readSecretList } from '../../shared/platform/config/secrets';
import { AuthenticationError } from '../../shared/platform/kernel/errors';
import { verifySignature } from '../../shared/platform/kernel/timestamped-hmac';
import { httpRoute } from '../../shared/platform/http/route';
import { header, type ParsedHttpEvent } from '../../shared/platform/http/types';
import { logger } from '../../shared/platform/observability/logger';
import { handlePostalWebhook } from '../../shared/modules/deliveries/use-cases/deliveries';

async function verify(event: ParsedHttpEvent): Promise<void> {
  const check = verifySignature(header(event, 'x-signature'), event.rawBody ?? '', await readSecretList('POSTAL_WEBHOOK_SECRETS'), new Date());
  if (!check.valid) {
    logger.warn('postal webhook refused', { reason: check.reason });
    throw new AuthenticationError(`Invalid signature (${check.reason})`);
  }
}

/** The postal service's delivery events: signature over the raw bytes first, then event by event. */
export const handler = httpRoute(postalWebhookOperation, async ({ body }) => ({
  statusCode: 200,
  body: { results: await handlePostalWebhook(deliveryDeps(), body) },
}), { before: verify });
