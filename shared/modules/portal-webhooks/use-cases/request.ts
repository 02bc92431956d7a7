import type { Dossier, DossierEvent } from '../../dossiers';
import type { WebhookMessage } from '../domain/delivery';
import { portalEventOf } from '../domain/event';
import type { WebhookQueue } from '../ports';

export interface WebhookRequestDeps {
  readonly queue: WebhookQueue;
}

/** Whether this dossier event is pushed to the portal (a status moved, or a payment ended). */
export function callsForWebhook(dossier: Dossier, event: DossierEvent): boolean {
  return portalEventOf(dossier, event) !== undefined;
}

/**
 * Queues the first attempt of the webhook a dossier event calls for, its body in the message: the
 * delivery log is written once, by the consumer, with that attempt's outcome (no row before it).
 * Idempotent (the reaction runs again on a redelivered event): the body is built from the dossier's
 * timeline, so a copy is the same message, and the consumer drops a message for an attempt already
 * recorded. A failed send throws, and the reaction runs again.
 */
export async function requestPortalWebhook(deps: WebhookRequestDeps, dossier: Dossier, event: DossierEvent): Promise<WebhookMessage | undefined> {
  const portalEvent = portalEventOf(dossier, event);
  if (!portalEvent) return undefined;
  const message: WebhookMessage = { dossierNo: portalEvent.dossierNo, sequence: portalEvent.sequence, attempt: 1, body: JSON.stringify(portalEvent) };
  await deps.queue.send(message);
  return message;
}
