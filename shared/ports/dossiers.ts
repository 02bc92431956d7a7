import type { Dossier } from '../domain/dossier/dossier';
import type { KpiCounts, KpiIncrements } from '../domain/dossier/kpi';
import type { DossierEvent } from '../schemas/dossier-events';

export interface AppliedEvent {
  readonly event: DossierEvent;
  /** The dossier as read; the write is conditional on its version. */
  readonly before: Dossier;
  readonly after: Dossier;
  readonly applied: boolean;
  readonly kpi: KpiIncrements;
}

/** Storage of dossiers. Every write is conditional; each event is applied at most once. */
export interface DossierStore {
  get(dossierNo: string): Promise<Dossier | undefined>;
  /** Creates the dossier and queues its events in one transaction; throws DossierExistsError if present. */
  create(dossier: Dossier, events: readonly DossierEvent[]): Promise<void>;
  /** Queues events for the dossier (transactional outbox), idempotent per event id. */
  enqueue(events: readonly DossierEvent[]): Promise<void>;
  /**
   * Records the event as processed, writes the new state (if it changed) and adds the KPI increments,
   * all or nothing. Throws DuplicateEventError or ConcurrentModificationError.
   */
  applyEvent(applied: AppliedEvent): Promise<void>;
}

export interface KpiReader {
  counts(agencyCode: string, month: string): Promise<KpiCounts>;
}

/** Events written with a state change and not yet handed to the queue. */
export interface Outbox {
  pending(olderThan: Date, limit: number): Promise<readonly DossierEvent[]>;
  clear(events: readonly DossierEvent[]): Promise<void>;
}

export interface DossierEventPublisher {
  publish(events: readonly DossierEvent[]): Promise<void>;
}
