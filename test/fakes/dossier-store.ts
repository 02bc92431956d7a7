import type { Dossier } from '../../shared/modules/dossiers/domain/dossier';
import { DossierExistsError } from '../../shared/modules/dossiers/domain/errors';
import type { DossierEvent } from '../../shared/modules/dossiers/domain/events';
import type { AppliedEvent, DossierStore } from '../../shared/modules/dossiers/ports';
import { addCounts, type KpiCounts } from '../../shared/modules/kpis/domain/counters';
import { InMemoryKpiStore } from './kpi-store';
import { RetryableWriteConflict } from '../../shared/platform/dynamodb/optimistic';

/**
 * Dossiers, KPI counters (an InMemoryKpiStore, by submission day) and the outbox rows in memory, with
 * the DynamoDB store's rules: a dossier is created once, a write on a moved version is a
 * RetryableWriteConflict, an outbox row stays (TTL) and every write of one is a publication by the
 * table's stream (`emitted`, in order).
 */
export class InMemoryDossierStore implements DossierStore {
  readonly dossiers = new Map<string, Dossier>();
  readonly outbox = new Map<string, DossierEvent>();
  /** The outbox rows written (the stream's records), in order: a re-emission appears again. */
  readonly emitted: DossierEvent[] = [];
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
    for (const event of events) this.write(event);
  }

  async enqueue(events: readonly DossierEvent[]): Promise<void> {
    for (const event of events) this.write(event);
  }

  async applyEvent(write: AppliedEvent): Promise<void> {
    const { before, after, kpi } = write;
    if (this.dossiers.get(before.dossierNo)?.version !== before.version) {
      throw new RetryableWriteConflict(`dossier ${before.dossierNo} moved past version ${before.version}`);
    }
    this.dossiers.set(after.dossierNo, after);
    this.kpis.add(before.agencyCode, before.submittedAt, kpi);
    this.applied.push(write);
  }

  /** One agency's counters of a month (a test convenience: the sum of its days). */
  async counts(agencyCode: string, month: string): Promise<KpiCounts> {
    return addCounts(...(await this.kpis.agencyDays(agencyCode, `${month}-01`, `${month}-31`)).map((d) => d.counts));
  }

  /** The outbox rows, by event id (they stay until their TTL). */
  outboxIds(): string[] {
    return [...this.outbox.keys()];
  }

  /** The ids of the outbox rows written, in order (what the stream published). */
  emittedIds(): string[] {
    return this.emitted.map((e) => e.id);
  }

  private write(event: DossierEvent): void {
    this.outbox.set(event.id, event);
    this.emitted.push(event);
  }
}
