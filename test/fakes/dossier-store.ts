import type { Dossier } from '../../shared/modules/dossiers/domain/dossier';
import { DossierExistsError, DuplicateEventError } from '../../shared/modules/dossiers/domain/errors';
import type { DossierEvent } from '../../shared/modules/dossiers/domain/events';
import type { AppliedEvent, DossierStore, Outbox, OutboxEntry } from '../../shared/modules/dossiers/ports';
import { addCounts, type KpiCounts } from '../../shared/modules/kpis/domain/counters';
import { InMemoryKpiStore } from './kpi-store';
import { RetryableWriteConflict } from '../../shared/platform/dynamodb/optimistic';

interface OutboxRow {
  readonly event: DossierEvent;
  attempts: number;
  /** Undefined once parked: out of the relay's index, kept for the operator. */
  dueAt: Date | undefined;
}

/**
 * Dossiers, their event markers, KPI counters (an InMemoryKpiStore, by submission day) and the outbox in memory, with the DynamoDB store's
 * rules: a dossier is created once, an event applies once (a repeat removes its outbox row and is a
 * DuplicateEventError), a write on a moved version is a RetryableWriteConflict, the outbox row goes
 * with the write that applies its event, a rescheduled row never comes back once deleted.
 */
export class InMemoryDossierStore implements DossierStore, Outbox {
  readonly dossiers = new Map<string, Dossier>();
  readonly markers = new Set<string>();
  readonly outbox = new Map<string, OutboxRow>();
  constructor(readonly kpis: InMemoryKpiStore = new InMemoryKpiStore()) {}
  /** Writes of applyEvent that committed, in order. */
  readonly applied: AppliedEvent[] = [];

  add(dossier: Dossier): this {
    this.dossiers.set(dossier.dossierNo, dossier);
    return this;
  }

  async get(dossierNo: string): Promise<Dossier | undefined> {
    return this.dossiers.get(dossierNo);
  }

  async create(dossier: Dossier, events: readonly DossierEvent[]): Promise<void> {
    if (this.dossiers.has(dossier.dossierNo)) throw new DossierExistsError(`Dossier ${dossier.dossierNo} is already registered`);
    this.dossiers.set(dossier.dossierNo, dossier);
    for (const event of events) this.queue(event);
  }

  async enqueue(events: readonly DossierEvent[]): Promise<void> {
    for (const event of events) if (!this.outbox.has(event.id)) this.queue(event);
  }

  async applyEvent(write: AppliedEvent): Promise<void> {
    const { event, before, after, kpi } = write;
    const marker = `${event.dossierNo}#${event.id}`;
    if (this.markers.has(marker)) {
      this.outbox.delete(event.id);
      throw new DuplicateEventError(`Event ${event.id} was already applied`);
    }
    if (after.version !== before.version && this.dossiers.get(before.dossierNo)?.version !== before.version) {
      throw new RetryableWriteConflict(`dossier ${before.dossierNo} moved past version ${before.version}`);
    }
    this.markers.add(marker);
    this.dossiers.set(after.dossierNo, after);
    this.kpis.add(before.agencyCode, before.submittedAt, kpi);
    this.outbox.delete(event.id);
    this.applied.push(write);
  }

  /** One agency's counters of a month (a test convenience: the sum of its days). */
  async counts(agencyCode: string, month: string): Promise<KpiCounts> {
    return addCounts(...(await this.kpis.agencyDays(agencyCode, `${month}-01`, `${month}-31`)).map((d) => d.counts));
  }

  async due(dueBefore: Date, limit: number): Promise<readonly OutboxEntry[]> {
    return [...this.outbox.values()]
      .filter((row) => row.dueAt !== undefined && row.dueAt < dueBefore)
      .sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime())
      .slice(0, limit)
      .map(({ event, attempts }) => ({ event, attempts }));
  }

  async reschedule(entry: OutboxEntry, nextAt: Date | undefined): Promise<void> {
    const row = this.outbox.get(entry.event.id);
    if (!row || row.attempts !== entry.attempts) return;
    row.attempts++;
    row.dueAt = nextAt;
  }

  /** The outbox rows still due or parked, by event id. */
  outboxIds(): string[] {
    return [...this.outbox.keys()];
  }

  private queue(event: DossierEvent, dueAt = new Date(event.occurredAt)): void {
    this.outbox.set(event.id, { event, attempts: 0, dueAt });
  }
}
