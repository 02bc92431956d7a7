import type { Delivery, DeliveryTimelineEntry } from './domain/delivery';
import type { DossierEvent } from '../dossiers';

export interface DeliveryStore {
  get(deliveryId: string): Promise<Delivery | undefined>;
  ofDossier(dossierNo: string): Promise<Delivery | undefined>;
  byTrackingNumber(trackingNumber: string): Promise<Delivery | undefined>;
  /** One delivery per dossier; its dossier events go through the outbox in the same transaction. */
  create(delivery: Delivery, events: readonly DossierEvent[]): Promise<void>;
  /**
   * Writes a new state conditionally on the version read, with the carrier event's idempotency
   * marker (when given) and dossier events. Throws DuplicateEventError when the carrier event was
   * applied before, RetryableWriteConflict when the delivery changed meanwhile (re-read and retry).
   * Timeline entries beyond TIMELINE_ON_DELIVERY are archived in the same write.
   */
  update(before: Delivery, after: Delivery, events: readonly DossierEvent[], carrierEventId?: string): Promise<void>;
  /** The archived (older) timeline entries of a delivery, oldest first. */
  archivedTimeline(deliveryId: string): Promise<readonly DeliveryTimelineEntry[]>;
  /** Open deliveries with an order and no news since `olderThan`: the reconciliation's work list. */
  quietSince(olderThan: Date, limit: number): Promise<readonly Delivery[]>;
}
