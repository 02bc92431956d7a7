import { RetryableWriteConflict } from '../../shared/platform/dynamodb/optimistic';
import { firstAccepted, type SyncState } from '../../shared/modules/national-portal/domain/sync-state';
import type { PortalProgress, PortalSnapshot } from '../../shared/modules/national-portal/domain/snapshot';
import type { NationalPortal, PortalAuditLog, PortalExchange, SyncStateStore } from '../../shared/modules/national-portal/ports';
import type { RequestDeps } from '../../shared/modules/national-portal/use-cases/sync';

/** Sync states in memory with the Dynamo store's revision check and counters; every write is kept in `writes`. */
export class InMemorySyncStates implements SyncStateStore, PortalAuditLog {
  readonly states = new Map<string, SyncState>();
  /** Audit records as the Dynamo store writes them: one per push attempt. */
  readonly audit: { dossierNo: string; exchanges: PortalExchange[] }[] = [];
  /** The state writes that went through, in order. */
  readonly writes: SyncState[] = [];

  async recordPush(dossierNo: string, exchanges: readonly PortalExchange[]) {
    this.audit.push({ dossierNo, exchanges: [...exchanges] });
  }
  /** nationalPortalSynced by agency#submittedAt, as the Dynamo store adds it to the kpis counter. */
  readonly synced = new Map<string, number>();

  async get(dossierNo: string) {
    return this.states.get(dossierNo);
  }

  async save(previous: SyncState | undefined, next: SyncState) {
    const stored = this.states.get(next.dossierNo);
    if ((stored?.revision ?? undefined) !== previous?.revision) throw new RetryableWriteConflict('revision moved');
    this.states.set(next.dossierNo, next);
    this.writes.push(next);
    if (firstAccepted(previous, next)) this.synced.set(next.agencyCode, (this.synced.get(next.agencyCode) ?? 0) + 1);
  }

  async listByStatus(status: 'pending' | 'failed', limit: number) {
    return [...this.states.values()].filter((s) => s.status === status).slice(0, limit);
  }
}

/** Push requests recorded instead of sent. */
export function recordingPushRequests(clock: { now(): Date }, syncStates = new InMemorySyncStates()) {
  const requested: { dossierNo: string; dedupKey: string }[] = [];
  const deps: RequestDeps = { syncStates, clock, requestPush: async (dossierNo, dedupKey) => void requested.push({ dossierNo, dedupKey }) };
  return { deps, requested, syncStates };
}

/** A portal that records what it accepted and can be told to fail; each call leaves its exchange in the trail, as the adapter does. */
export class FakePortal implements NationalPortal {
  readonly upserts: { snapshot: PortalSnapshot; known: boolean }[] = [];
  readonly progressCalls: PortalProgress[][] = [];
  failWith: Error | undefined;
  /** Fails the progress call with this index (0-based), once. */
  failProgressAt: number | undefined;

  async upsert(snapshot: PortalSnapshot, known: boolean, trail: PortalExchange[]) {
    const outcome = this.failWith ? 'error' : 'ok';
    trail.push(exchange(snapshot.MaHoSo, 'DongBoHoSoMC', { data: [snapshot] }, outcome));
    if (this.failWith) throw this.failWith;
    this.upserts.push({ snapshot, known });
  }

  async progress(rows: readonly PortalProgress[], trail: PortalExchange[]) {
    const refused = this.failWith !== undefined || this.failProgressAt === this.progressCalls.length;
    trail.push(exchange(rows[0]?.MaHoSo ?? '-', 'CapNhatTienDoHoSoMC', { data: [...rows] }, refused ? 'error' : 'ok'));
    if (this.failWith) throw this.failWith;
    if (this.failProgressAt === this.progressCalls.length) {
      this.failProgressAt = undefined;
      throw new Error('progress refused once');
    }
    this.progressCalls.push([...rows]);
  }
}

function exchange(dossierNo: string, service: string, request: unknown, outcome: string): PortalExchange {
  return { dossierNo, service, at: new Date(0).toISOString(), durationMs: 0, request, outcome };
}
