import { postalWebhookOperation } from '../../shared/api/operations/deliveries';
import { deliveryDeps } from '../../shared/adapters/deliveries';
import { readSecretList } from '../../shared/config/secrets';
import { AuthenticationError } from '../../shared/domain/errors';
import { verifySignature } from '../../shared/domain/signatures/timestamped-hmac';
import { httpRoute } from '../../shared/http/route';
import { header, type ParsedHttpEvent } from '../../shared/http/types';
import { logger } from '../../shared/observability/logger';
import { handlePostalWebhook } from '../../shared/use-cases/deliveries';

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
