import type { Delivery } from '../domain/delivery/delivery';
import type { DossierEvent } from '../schemas/dossier-events';

export interface DeliveryStore {
  get(deliveryId: string): Promise<Delivery | undefined>;
  ofDossier(dossierNo: string): Promise<Delivery | undefined>;
  byTrackingNumber(trackingNumber: string): Promise<Delivery | undefined>;
  /** One delivery per dossier; its dossier events go through the outbox in the same transaction. */
  create(delivery: Delivery, events: readonly DossierEvent[]): Promise<void>;
  /**
   * Writes a new state conditionally on the version read, with the carrier event's idempotency
   * marker (when given) and dossier events. Throws DuplicateEventError / ConcurrentModificationError.
   */
  update(before: Delivery, after: Delivery, events: readonly DossierEvent[], carrierEventId?: string): Promise<void>;
  /** Open deliveries with an order and no news since `olderThan`: the reconciliation's work list. */
  quietSince(olderThan: Date, limit: number): Promise<readonly Delivery[]>;
}
