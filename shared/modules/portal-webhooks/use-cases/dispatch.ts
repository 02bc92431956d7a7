import type { Clock } from '../../../platform/kernel/time';
import { awaitsDispatch, nextAttemptNumber, type WebhookDelivery } from '../domain/delivery';
import { MAX_QUEUE_DELAY_SECONDS } from '../domain/retry-schedule';
import type { WebhookDeliveryStore, WebhookQueue } from '../ports';

export interface DispatchDeps {
  readonly store: WebhookDeliveryStore;
  readonly queue: WebhookQueue;
  readonly clock: Clock;
}

/** The sweeper runs this often (functions.ts schedules it). */
export const SWEEP_EVERY_MINUTES = 5;
/** It queues what falls due before its next run and a margin, each message delayed to the second (≤ 15 min). */
export const SWEEP_LOOKAHEAD_SECONDS = 2 * SWEEP_EVERY_MINUTES * 60;

/**
 * Queues the message of a scheduled delivery's next attempt, delayed until it is due, then takes the
 * delivery off the due index. If the process dies in between, the sweeper queues it again and the
 * consumer drops the second copy (same attempt number).
 */
export async function dispatchNextAttempt(deps: DispatchDeps, delivery: WebhookDelivery, now: Date): Promise<void> {
  const attempt = nextAttemptNumber(delivery);
  const wait = Math.max(0, Math.ceil((Date.parse(delivery.nextAttemptAt ?? delivery.createdAt) - now.getTime()) / 1000));
  if (wait > MAX_QUEUE_DELAY_SECONDS) throw new RangeError(`attempt ${attempt} of ${delivery.webhookId} is due in ${wait} s, beyond what SQS can delay`);
  await deps.queue.send({ dossierNo: delivery.dossierNo, sequence: delivery.sequence, attempt }, wait);
  await deps.store.markDispatched(delivery, attempt);
}

/**
 * The scheduled sweeper: every delivery whose next attempt falls due within the lookahead and has
 * no message yet (a retry after an hour or days, or one whose message could not be queued) is
 * queued. The index is read eventually consistent, so each is read again before it is queued.
 */
export async function dispatchDueWebhooks(deps: DispatchDeps, limit = 500): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.store.listDue(new Date(now.getTime() + SWEEP_LOOKAHEAD_SECONDS * 1000), limit);
  let queued = 0;
  for (const listed of due) {
    const current = await deps.store.get(listed.dossierNo, listed.sequence);
    if (!current || !awaitsDispatch(current)) continue;
    await dispatchNextAttempt(deps, current, now);
    queued++;
  }
  return queued;
}
