import type { PortalProgress, PortalSnapshot, SnapshotProcedure } from './domain/snapshot';
import type { SyncState } from './domain/sync-state';

/**
 * The National Public Service Portal as our use cases see it. Throws PortalUnavailableError
 * (retry later) or PortalRejectedError (the portal refused); resolves only on an explicit success.
 * Every request it makes and every reply (the login included) is appended to `trail`, in order,
 * whether the call succeeds or not: the caller keeps one push's trail as one audit record.
 */
export interface NationalPortal {
  /** DongBoHoSoMC with the full snapshot; `known` says the portal accepted this dossier before (isUpdating). */
  upsert(snapshot: PortalSnapshot, known: boolean, trail: PortalExchange[]): Promise<void>;
  /** CapNhatTienDoHoSoMC with at most 10 rows. */
  progress(rows: readonly PortalProgress[], trail: PortalExchange[]): Promise<void>;
}

/** One request and its reply, kept for audit (DynamoDB, not the logs: the snapshot names the applicant). */
export interface PortalExchange {
  readonly dossierNo: string;
  readonly service: string;
  readonly at: string;
  readonly durationMs: number;
  /** The body sent, without session or credentials. */
  readonly request: unknown;
  readonly httpStatus?: number;
  readonly reply?: unknown;
  readonly outcome: string;
}

/**
 * The audit trail issue 13 asks for (every request and reply kept): one record per push attempt
 * holding its exchanges in order (login, upsert, progress chunks), not one write per exchange.
 */
export interface PortalAuditLog {
  recordPush(dossierNo: string, exchanges: readonly PortalExchange[]): Promise<void>;
}

/** Sync states, and the KPI counter their first success moves, written together. */
export interface SyncStateStore {
  get(dossierNo: string): Promise<SyncState | undefined>;
  /**
   * Writes `next` if the stored state is still `previous` (by revision; undefined: none yet), and
   * on the first success adds 1 to the kpis module's `nationalPortalSynced` in the same transaction.
   * A lost race is a RetryableWriteConflict.
   */
  save(previous: SyncState | undefined, next: SyncState): Promise<void>;
  /** Dossiers in a status other than synced, oldest first (for `portal:resync --failed`). */
  listByStatus(status: 'pending' | 'failed', limit: number): Promise<SyncState[]>;
}

/** Asks the sync consumer to push a dossier; `dedupKey` makes a repeat within 5 minutes one message. */
export type PortalPushRequester = (dossierNo: string, dedupKey: string) => Promise<void>;

/** The catalogue as the snapshot needs it: the procedure's legal processing time (catalogue's reader fits). */
export interface ProcedureTimes {
  getProcedure(code: string): Promise<SnapshotProcedure | undefined>;
}
