import type { Dossier } from './domain/dossier';
import type { KpiIncrements } from './domain/kpi';
import type { DossierEvent } from './domain/events';
import type { DossierStatus } from './domain/status';
import type { PageRequest, SubmittedWindow, SummaryPage } from './domain/summary';

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
   * Records the event as processed, writes the new state (if it changed), adds the KPI increments (one
   * counter item: the agency's submission day, see the kpis module) and
   * removes the event's outbox row, all or nothing. Throws DuplicateEventError (after removing a row
   * left for an event applied before), or RetryableWriteConflict when the dossier changed since
   * `before` was read (read again and retry).
   */
  applyEvent(applied: AppliedEvent): Promise<void>;
}

/** An event written with a state change and not yet applied, with how often the relay re-sent it. */
export interface OutboxEntry {
  readonly event: DossierEvent;
  readonly attempts: number;
}

/**
 * Events written with a state change and not yet applied to their dossier. A row leaves the outbox
 * only when the consumer applies (or has applied) its event, never when it is sent.
 */
export interface Outbox {
  /** Rows the relay may re-send now: due before `dueBefore`, oldest first; parked rows are not listed. */
  due(dueBefore: Date, limit: number): Promise<readonly OutboxEntry[]>;
  /**
   * After a re-send: counts the attempt and makes the row due again at `nextAt`, or parks it (kept,
   * no longer listed by `due`) when `nextAt` is undefined. A row applied meanwhile stays deleted.
   */
  reschedule(entry: OutboxEntry, nextAt: Date | undefined, now: Date): Promise<void>;
}

export interface DossierEventPublisher {
  publish(events: readonly DossierEvent[]): Promise<void>;
}

/**
 * Lists of dossier summaries, newest submission first, each page one indexed read. Cursors are
 * opaque; one issued for another list, partition or window is refused (InvalidInputError on `cursor`).
 */
export interface DossierListing {
  /** A citizen's own dossiers. */
  ofCitizen(citizenId: string, page: PageRequest): Promise<SummaryPage>;
  /** An agency's dossiers submitted in the window, of one status when given. */
  ofAgency(agencyCode: string, filter: SubmittedWindow & { readonly status?: DossierStatus }, page: PageRequest): Promise<SummaryPage>;
}
