import { RetryableWriteConflict } from '../../../platform/dynamodb/optimistic';
import type { Clock } from '../../../platform/kernel/time';
import { logger } from '../../../platform/observability/logger';
import { claimAttempt, decideMessage, nextAttemptNumber, recordAttempt, unrecordedDelivery, type WebhookDelivery, type WebhookMessage } from '../domain/delivery';
import { MAX_QUEUE_DELAY_SECONDS } from '../domain/retry-schedule';
import { signatureHeaderFor } from '../domain/signature';
import type { PortalEndpoint, WebhookDeliveryStore, WebhookQueue } from '../ports';
import { webhookUrlFor, type PortalWebhookSettings } from '../settings';

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

/**
 * One attempt of one webhook: decide what the message calls for, POST the body signed with every
 * active secret, then write the delivery once with the attempt recorded, on the version read (no
 * row before the first attempt: the first message carries the body). Nothing is written before
 * the POST: a copy of the message handled at the same moment (SQS delivers at least once) may POST
 * as well, which the portal deduplicates by X-Webhook-Id, and only one record wins. A retry due
 * within 15 minutes is queued first and written off the due index; a later one (or one that could
 * not be queued) waits on the due index for the sweeper. `sentAt` is when SQS received the message
 * (tells an operator's redrive from the original).
 */
export async function deliverWebhook(deps: DeliverDeps, message: WebhookMessage, sentAt: Date): Promise<DeliverOutcome> {
  const secrets = await deps.secrets();
  const stored = await deps.store.get(message.dossierNo, message.sequence);
  const delivery = stored ?? unrecordedDelivery(message, sentAt);
  if (!delivery) return 'unknown';
  const decision = decideMessage(delivery, message, deps.clock.now(), sentAt);
  switch (decision.action) {
    case 'stale':
    case 'busy':
      return decision.action;
    case 'not_due':
      throw new WebhookNotDueError(decision.seconds);
    case 'dead':
      throw new WebhookGivenUpError(delivery.webhookId);
    case 'attempt':
      break;
  }
  if (decision.on !== 'Claim') logger.warn('webhook attempt taken over or redriven', { webhookId: delivery.webhookId, on: decision.on });
  // The claim is not written: it only moves the delivery through the machine on its way to the record.
  const claimed = claimAttempt(delivery, decision.on, deps.clock.now(), deps.settings.timeoutMs + CLAIM_MARGIN_MS);
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
  const outcome = recordAttempt(claimed, result, now, deps.settings.schedule);
  const recorded = await queueSoonRetry(deps, outcome.delivery, outcome.retryInSeconds);
  try {
    await deps.store.save(recorded, stored?.version);
  } catch (error) {
    if (!(error instanceof RetryableWriteConflict)) throw error;
    // A copy of this message recorded the same attempt first: its record stands.
    logger.warn('webhook attempt recorded by another consumer', { webhookId: recorded.webhookId, attempt: recorded.attempts.length });
    return 'stale';
  }
  logger.info('portal webhook attempt', { webhookId: recorded.webhookId, dossierNo: recorded.dossierNo, attempt: recorded.attempts.length, statusCode: result.statusCode, error: result.error, status: recorded.status });
  if (recorded.status === 'failed') throw new WebhookGivenUpError(recorded.webhookId);
  return recorded.status === 'delivered' ? 'delivered' : 'retry_scheduled';
}

/**
 * A retry due within SQS's longest delay is queued before the delivery is written, so the one
 * write also takes it off the due index. If queueing fails the delivery stays on the index and the
 * sweeper queues it; if the write fails after it, the message finds its attempt not current (or
 * the delivery moved) and is dropped.
 */
async function queueSoonRetry(deps: DeliverDeps, delivery: WebhookDelivery, retryInSeconds: number | undefined): Promise<WebhookDelivery> {
  if (retryInSeconds === undefined || retryInSeconds > MAX_QUEUE_DELAY_SECONDS) return delivery;
  const attempt = nextAttemptNumber(delivery);
  try {
    await deps.queue.send({ dossierNo: delivery.dossierNo, sequence: delivery.sequence, attempt }, retryInSeconds);
    return { ...delivery, dispatchedAttempt: attempt };
  } catch (error) {
    logger.warn('webhook retry left to the sweeper', { webhookId: delivery.webhookId, error: error instanceof Error ? error.name : 'unknown' });
    return delivery;
  }
}
