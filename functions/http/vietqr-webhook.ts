import { vietqrWebhookOperation } from '../../shared/modules/payments/api/operations';
import type { Container } from '../../shared/app/container';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { readSecretList } from '../../shared/platform/config/secrets';
import { AuthenticationError } from '../../shared/platform/kernel/errors';
import { verifySignature } from '../../shared/platform/kernel/timestamped-hmac';
import { header, type ParsedHttpEvent } from '../../shared/platform/http/types';
import { httpRoute } from '../../shared/platform/http/route';
import { logger } from '../../shared/platform/observability/logger';
import { settlePayment, type SettleResult } from '../../shared/modules/payments/use-cases/settle-payment';

const ACK: Record<SettleResult, 'applied' | 'duplicate' | 'amount_mismatch' | 'unmatched' | 'late'> = {
  applied: 'applied',
  late_success: 'late',
  already_confirmed: 'duplicate',
  amount_mismatch: 'amount_mismatch',
  not_found: 'unmatched',
  recorded_failure: 'applied',
};

/** The bank's transfer notification: the signature over the raw bytes first, then the same settlement as the gateway. */
async function verify(container: Container, event: ParsedHttpEvent): Promise<void> {
  const check = verifySignature(header(event, 'x-signature'), event.rawBody ?? '', await readSecretList(container.secrets, 'VIETQR_WEBHOOK_SECRETS'), container.clock.now());
  if (!check.valid) {
    logger.warn('vietqr webhook refused', { reason: check.reason });
    throw new AuthenticationError(`Invalid signature (${check.reason})`);
  }
}

export const makeHandler = (container: Container) => httpRoute(vietqrWebhookOperation, async ({ body }) => {
  const result = await settlePayment(container.settleDeps, {
    provider: 'vietqr',
    ref: body.reference,
    amount: body.amount,
    outcome: 'succeeded',
    transactionId: body.transactionId,
    paidAt: new Date(body.paidAt).toISOString(),
    kind: 'callback',
    received: body,
  });
  return { statusCode: 200, body: { result: ACK[result] } };
}, { ...container.routeOptions, before: (event) => verify(container, event) });

export const handler = lazyHandler(makeHandler);
