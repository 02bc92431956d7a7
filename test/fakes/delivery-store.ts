import type { Delivery, DeliveryTimelineEntry } from '../../shared/modules/deliveries/domain/delivery';
import { isTerminalDelivery } from '../../shared/modules/deliveries/domain/status';
import { boundTimeline } from '../../shared/modules/deliveries/domain/timeline';
import type { DeliveryStore } from '../../shared/modules/deliveries/ports';
import { DossierExistsError, DuplicateEventError, type DossierEvent } from '../../shared/modules/dossiers';
import { RetryableWriteConflict } from '../../shared/platform/dynamodb/optimistic';

/**
 * Deliveries in memory with the DynamoDB store's rules: one delivery per dossier, a carrier event
 * applies once (DuplicateEventError), a write on a moved version is a RetryableWriteConflict, and
 * the timeline beyond the bound is archived in the same write. `loseRaces` makes the next updates
 * lose as if another report had been written first.
 */
export class InMemoryDeliveryStore implements DeliveryStore {
  readonly deliveries = new Map<string, Delivery>();
  readonly byDossier = new Map<string, string>();
  readonly byTracking = new Map<string, string>();
  readonly markers = new Set<string>();
  readonly archived = new Map<string, DeliveryTimelineEntry[]>();
  /** Dossier events written with the deliveries (the outbox rows of the real store). */
  readonly events: DossierEvent[] = [];
  loseRaces = 0;

  add(delivery: Delivery): this {
    this.deliveries.set(delivery.deliveryId, delivery);
    this.byDossier.set(delivery.dossierNo, delivery.deliveryId);
    if (delivery.trackingNumber) this.byTracking.set(delivery.trackingNumber, delivery.deliveryId);
    return this;
  }

  async get(deliveryId: string) {
    return this.deliveries.get(deliveryId);
  }
  async ofDossier(dossierNo: string) {
    const id = this.byDossier.get(dossierNo);
    return id ? this.deliveries.get(id) : undefined;
  }
  async byTrackingNumber(trackingNumber: string) {
    const id = this.byTracking.get(trackingNumber);
    return id ? this.deliveries.get(id) : undefined;
  }

  async create(delivery: Delivery, events: readonly DossierEvent[]): Promise<void> {
    if (this.byDossier.has(delivery.dossierNo)) throw new DossierExistsError(`Dossier ${delivery.dossierNo} already has a postal return`);
    this.add(delivery);
    this.events.push(...events);
  }

  async update(before: Delivery, unbounded: Delivery, events: readonly DossierEvent[], carrierEventId?: string): Promise<void> {
    const marker = carrierEventId === undefined ? undefined : `${before.deliveryId}#${carrierEventId}`;
    if (marker && this.markers.has(marker)) throw new DuplicateEventError(`Carrier event ${carrierEventId} was already applied`);
    if (this.loseRaces > 0) {
      this.loseRaces--;
      throw new RetryableWriteConflict(`Delivery ${before.deliveryId} changed meanwhile`);
    }
    if (this.deliveries.get(before.deliveryId)?.version !== before.version) throw new RetryableWriteConflict(`Delivery ${before.deliveryId} changed meanwhile`);
    const { delivery: after, archive } = boundTimeline(unbounded);
    if (marker) this.markers.add(marker);
    this.add(after);
    this.archived.set(after.deliveryId, [...(this.archived.get(after.deliveryId) ?? []), ...archive.map((a) => a.entry)]);
    this.events.push(...events);
  }

  async archivedTimeline(deliveryId: string) {
    return this.archived.get(deliveryId) ?? [];
  }

  async quietSince(olderThan: Date, limit: number) {
    return [...this.deliveries.values()]
      .filter((d) => d.trackingNumber !== undefined && !isTerminalDelivery(d.status) && d.updatedAt < olderThan.toISOString())
      .slice(0, limit);
  }
}
