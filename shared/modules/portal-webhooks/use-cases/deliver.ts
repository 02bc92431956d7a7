import { withOptimisticRetry } from '../../../platform/dynamodb/optimistic';
import type { Clock } from '../../../platform/kernel/time';
import { logger } from '../../../platform/observability/logger';
import { claimAttempt, decideMessage, nextAttemptNumber, recordAttempt, type WebhookDelivery, type WebhookMessage } from '../domain/delivery';
import { MAX_QUEUE_DELAY_SECONDS } from '../domain/retry-schedule';
import { signatureHeaderFor } from '../domain/signature';
import type { PortalEndpoint, WebhookDeliveryStore, WebhookQueue } from '../ports';
import { webhookUrlFor, type PortalWebhookSettings } from '../settings';
import { dispatchNextAttempt } from './dispatch';

export interface DeliverDeps {
  readonly store: WebhookDeliveryStore;
  readonly queue: WebhookQueue;
  readonly endpoint: PortalEndpoint;
  readonly settings: PortalWebhookSettings;
  /** The active signing secrets, newest first (read at each use, so a rotation needs no deploy). */
  readonly secrets: () => Promise<readonly string[]>;
  readonly clock: Clock;
}

/** The headers every push carries besides the signature. */
export const WEBHOOK_HEADERS = { id: 'x-webhook-id', attempt: 'x-webhook-attempt', signature: 'x-signature' } as const;

/** A claim outlives the POST's timeout by this much before another consumer may take the attempt over. */
const CLAIM_MARGIN_MS = 15_000;

/** The message came before its attempt is due: it goes back to the queue for `seconds`. */
export class WebhookNotDueError extends Error {
  constructor(readonly seconds: number) {
    super(`webhook attempt not due for ${seconds} s`);
    this.name = 'WebhookNotDueError';
  }
}

/** The delivery was given up: its message keeps failing so that SQS moves it to the DLQ (redrive = one more attempt). */
export class WebhookGivenUpError extends Error {
  constructor(readonly webhookId: string) {
    super(`webhook ${webhookId} given up after its retry schedule`);
    this.name = 'WebhookGivenUpError';
  }
}

export type DeliverOutcome = 'delivered' | 'retry_scheduled' | 'stale' | 'busy' | 'unknown';

type Claim = { readonly outcome: 'stale' | 'busy' | 'unknown' } | { readonly outcome: 'claimed'; readonly delivery: WebhookDelivery };

/**
 * One attempt of one webhook: decide what the message calls for, claim the attempt (written before
 * the POST), POST the stored body signed with every active secret, record the attempt. A retry due
 * within 15 minutes is queued at once with that delay; a later one waits on the due index for the
 * sweeper. `sentAt` is when SQS received the message (tells an operator's redrive from the original).
 */
export async function deliverWebhook(deps: DeliverDeps, message: WebhookMessage, sentAt: Date): Promise<DeliverOutcome> {
  const secrets = await deps.secrets();
  const claim = await withOptimisticRetry(async (): Promise<Claim> => {
    const delivery = await deps.store.get(message.dossierNo, message.sequence);
    if (!delivery) return { outcome: 'unknown' };
    const now = deps.clock.now();
    const decision = decideMessage(delivery, message, now, sentAt);
    switch (decision.action) {
      case 'stale':
      case 'busy':
        return { outcome: decision.action };
      case 'not_due':
        throw new WebhookNotDueError(decision.seconds);
      case 'dead':
        throw new WebhookGivenUpError(delivery.webhookId);
      case 'attempt': {
        if (decision.on !== 'Claim') logger.warn('webhook attempt taken over or redriven', { webhookId: delivery.webhookId, on: decision.on });
        const claimed = claimAttempt(delivery, decision.on, now, deps.settings.timeoutMs + CLAIM_MARGIN_MS);
        await deps.store.save(claimed);
        return { outcome: 'claimed', delivery: claimed };
      }
    }
  });
  if (claim.outcome !== 'claimed') return claim.outcome;
  const claimed = claim.delivery;
  const timestamp = Math.floor(deps.clock.now().getTime() / 1000);
  const result = await deps.endpoint.post({
    url: webhookUrlFor(deps.settings, claimed.agencyCode),
    body: claimed.body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'toantrinh-webhooks/1',
      [WEBHOOK_HEADERS.id]: claimed.webhookId,
      [WEBHOOK_HEADERS.attempt]: String(nextAttemptNumber(claimed)),
      [WEBHOOK_HEADERS.signature]: signatureHeaderFor(secrets, timestamp, claimed.body),
    },
  });
  const now = deps.clock.now();
  const { delivery, retryInSeconds } = recordAttempt(claimed, result, now, deps.settings.schedule);
  // Only the claimer writes a sending delivery; a conflict means another took over after the claim ran out.
  await deps.store.save(delivery);
  logger.info('portal webhook attempt', { webhookId: delivery.webhookId, dossierNo: delivery.dossierNo, attempt: delivery.attempts.length, statusCode: result.statusCode, error: result.error, status: delivery.status });
  if (delivery.status === 'failed') throw new WebhookGivenUpError(delivery.webhookId);
  if (retryInSeconds !== undefined && retryInSeconds <= MAX_QUEUE_DELAY_SECONDS) {
    // Best effort: if this fails the delivery stays on the due index and the sweeper queues it.
    await dispatchNextAttempt(deps, delivery, now).catch((error: unknown) => logger.warn('webhook retry left to the sweeper', { webhookId: delivery.webhookId, error: error instanceof Error ? error.name : 'unknown' }));
  }
  return delivery.status === 'delivered' ? 'delivered' : 'retry_scheduled';
}
