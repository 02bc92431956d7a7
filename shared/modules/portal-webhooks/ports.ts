import type { WebhookDelivery, WebhookMessage, PostResult } from './domain/delivery';

/** A page of a dossier's deliveries, oldest change first. */
export interface DeliveryPage {
  readonly items: readonly WebhookDelivery[];
  readonly nextCursor?: string;
}

/** The delivery log: one row per webhook, every attempt on it. */
export interface WebhookDeliveryStore {
  get(dossierNo: string, sequence: number): Promise<WebhookDelivery | undefined>;
  /**
   * Writes `next` if the stored one is still at version `from`, or, with no `from`, if none is
   * stored yet (the first attempt's record); otherwise a RetryableWriteConflict. A scheduled delivery
   * whose next attempt has no message yet goes on the due index (domain `awaitsDispatch`).
   */
  save(next: WebhookDelivery, from?: number): Promise<void>;
  /** Notes that the message of attempt `attempt` is queued (off the due index), if the delivery is still at `version`. */
  markDispatched(delivery: WebhookDelivery, attempt: number): Promise<boolean>;
  /** Scheduled deliveries due before `until` that still wait for their message, soonest first. */
  listDue(until: Date, limit: number): Promise<WebhookDelivery[]>;
  listByDossier(dossierNo: string, page: { readonly limit: number; readonly cursor?: string }): Promise<DeliveryPage>;
}

/** The delivery queue (standard SQS): a message per attempt, delayed up to 15 minutes. */
export interface WebhookQueue {
  send(message: WebhookMessage, delaySeconds?: number): Promise<void>;
}

/** The portal's receiving end: one signed POST, never a throw (no answer is a result too). */
export interface PortalEndpoint {
  post(request: { readonly url: string; readonly body: string; readonly headers: Readonly<Record<string, string>> }): Promise<PostResult>;
}
