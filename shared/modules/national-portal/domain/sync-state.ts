/**
 * Where one dossier stands with the national portal. Kept beside the dossier, not on it: the dossier
 * item is written only by the event consumer under its version, and a sync write there would bump
 * the version and trigger another push.
 */
export const SyncStatuses = { SYNCED: 'synced', PENDING: 'pending', FAILED: 'failed' } as const;
export type SyncStatus = (typeof SyncStatuses)[keyof typeof SyncStatuses];

export interface SyncState {
  readonly dossierNo: string;
  /** For the KPI counter (kpis module): the dossier's agency and submission instant. */
  readonly agencyCode: string;
  readonly submittedAt: string;
  /** Of the last push attempt; whether the portal lags a newer change is read against the dossier's version. */
  readonly status: SyncStatus;
  /** The dossier version the portal last accepted (0: never). */
  readonly syncedVersion: number;
  /** How many progress rows the portal holds (rows are append-only, so a count says which). */
  readonly progressSent: number;
  /** Failed attempts since the last success. */
  readonly attempts: number;
  readonly lastError?: string;
  readonly lastSyncedAt?: string;
  /** Since when an attempt keeps failing (absent when synced): the failed list's order. */
  readonly pendingSince?: string;
  /** Write counter: every write is conditional on the one it read. */
  readonly revision: number;
}

/** What the API shows (GET /v1/dossiers/{dossierNo}). */
export interface SyncView {
  readonly status: SyncStatus;
  readonly lastSyncedAt?: string;
  readonly attempts: number;
  readonly lastError?: string;
}

/**
 * Whether this write is the portal's first acceptance of the dossier: the kpis module's
 * `nationalPortalSynced` counter moves then, once per dossier (pending = dossiers − synced).
 */
export const firstAccepted = (previous: SyncState | undefined, next: SyncState): boolean => (previous?.syncedVersion ?? 0) === 0 && next.syncedVersion > 0;

/**
 * What GET dossier shows for a dossier at `dossierVersion`. A change is not written to the sync
 * state when it happens (its push message carries it): a state synced at an older version means
 * the newer change is on its way, so the dossier is pending.
 */
export function viewOf(state: SyncState | undefined, dossierVersion: number): SyncView {
  // A dossier whose first push has not run yet has no state: it is pending.
  if (!state) return { status: SyncStatuses.PENDING, attempts: 0 };
  const behind = state.status === SyncStatuses.SYNCED && dossierVersion > state.syncedVersion;
  return {
    status: behind ? SyncStatuses.PENDING : state.status,
    attempts: state.attempts,
    ...(state.lastSyncedAt ? { lastSyncedAt: state.lastSyncedAt } : {}),
    ...(state.lastError ? { lastError: state.lastError } : {}),
  };
}

export interface DossierRef {
  readonly dossierNo: string;
  readonly agencyCode: string;
  readonly submittedAt: string;
  readonly version: number;
}

/**
 * The state of a dossier the portal never heard of from us: what a first push attempt starts from
 * (revision 0: the store writes it only if no state exists yet).
 */
export function unsynced(ref: DossierRef): SyncState {
  return { dossierNo: ref.dossierNo, agencyCode: ref.agencyCode, submittedAt: ref.submittedAt, status: 'pending', syncedVersion: 0, progressSent: 0, attempts: 0, revision: 0 };
}

/** The portal accepted `version` (the dossier as read for this push) and holds `progressSent` rows. */
export function pushed(state: SyncState, version: number, progressSent: number, now: string): SyncState {
  const { lastError: _e, pendingSince: _p, ...rest } = state;
  return {
    ...rest,
    syncedVersion: Math.max(state.syncedVersion, version),
    progressSent: Math.max(state.progressSent, progressSent),
    attempts: 0,
    lastSyncedAt: now,
    status: 'synced',
    revision: state.revision + 1,
  };
}

/** Progress rows accepted so far in an attempt that is not finished yet. */
export function progressAccepted(state: SyncState, progressSent: number): SyncState {
  return { ...state, progressSent: Math.max(state.progressSent, progressSent), revision: state.revision + 1 };
}

/**
 * An attempt failed after the portal accepted `progressSent` rows (so a retry does not send them
 * again); `final` when nothing will retry it (the DLQ takes the message).
 */
export function attemptFailed(state: SyncState, error: string, final: boolean, progressSent: number, now: string): SyncState {
  return {
    ...state,
    progressSent: Math.max(state.progressSent, progressSent),
    attempts: state.attempts + 1,
    lastError: error.slice(0, 500),
    status: final ? 'failed' : state.status === 'failed' ? 'failed' : 'pending',
    pendingSince: state.pendingSince ?? now,
    revision: state.revision + 1,
  };
}

/** An operator asks for another try (`npm run portal:resync`): attempts start again. */
export function resynced(state: SyncState, now: string): SyncState {
  const { lastError: _e, ...rest } = state;
  return { ...rest, status: 'pending', attempts: 0, pendingSince: state.pendingSince ?? now, revision: state.revision + 1 };
}
