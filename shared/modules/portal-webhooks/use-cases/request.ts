import type { Clock } from '../../../platform/kernel/time';
import type { Dossier, DossierEvent } from '../../dossiers';
import { newDelivery, type WebhookDelivery } from '../domain/delivery';
import { portalEventOf } from '../domain/event';
import type { WebhookDeliveryStore, WebhookQueue } from '../ports';

export interface WebhookRequestDeps {
  readonly store: WebhookDeliveryStore;
  readonly queue: WebhookQueue;
  readonly clock: Clock;
}

/** Whether this dossier event is pushed to the portal (a status moved, or a payment ended). */
export function callsForWebhook(dossier: Dossier, event: DossierEvent): boolean {
  return portalEventOf(dossier, event) !== undefined;
}

/**
 * Records the webhook a dossier event calls for and queues its first attempt. Idempotent (the
 * reaction runs again on a redelivered event): the delivery's key is the change's place in the
 * dossier's history, so it is written once; it is queued again only while no attempt was made (the
 * first queueing may be what failed), and a second message for the same attempt is dropped by the
 * consumer.
 */
export async function requestPortalWebhook(deps: WebhookRequestDeps, dossier: Dossier, event: DossierEvent): Promise<WebhookDelivery | undefined> {
  const portalEvent = portalEventOf(dossier, event);
  if (!portalEvent) return undefined;
  const delivery = newDelivery(portalEvent, deps.clock.now());
  const created = await deps.store.create(delivery);
  const current = created ? delivery : await deps.store.get(delivery.dossierNo, delivery.sequence);
  if (current?.status === 'scheduled' && current.attempts.length === 0) {
    await deps.queue.send({ dossierNo: current.dossierNo, sequence: current.sequence, attempt: 1 });
  }
  return current;
}
