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
  /**
   * Writes the events' outbox rows again (a re-emission): the table's stream publishes each once
   * more, and the consumer applies each id once.
   */
  enqueue(events: readonly DossierEvent[]): Promise<void>;
  /**
   * Writes the new state, conditional on `before`'s version (the state records the event's id, see
   * domain/applied-events.ts), with the KPI increments (one counter item: the agency's submission
   * day, see the kpis module) and the list rows, all or nothing. Throws RetryableWriteConflict when
   * the dossier changed since `before` was read (read again and retry).
   */
  applyEvent(applied: AppliedEvent): Promise<void>;
}

/** Sends dossier events to the FIFO queue (the stream publisher's port). */
export interface DossierEventPublisher {
  /** Throws DossierEventsNotSentError naming the events not sent, when it knows them. */
  publish(events: readonly DossierEvent[]): Promise<void>;
}

/** Some events of a publish were not sent (refused, or the whole call failed). */
export class DossierEventsNotSentError extends Error {
  override readonly name = 'DossierEventsNotSentError';
  constructor(
    /** The ids not sent, in the order given. */
    readonly eventIds: readonly string[],
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
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
