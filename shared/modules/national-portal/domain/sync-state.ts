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
  readonly status: SyncStatus;
  /** The newest dossier version a change asked us to push. */
  readonly wantedVersion: number;
  /** The dossier version the portal last accepted (0: never). */
  readonly syncedVersion: number;
  /** How many progress rows the portal holds (rows are append-only, so a count says which). */
  readonly progressSent: number;
  /** Failed attempts since the last success. */
  readonly attempts: number;
  readonly lastError?: string;
  readonly lastSyncedAt?: string;
  /** Since when the portal lags behind (absent when synced). */
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

export function viewOf(state: SyncState | undefined): SyncView {
  // A dossier whose first change is still on its way has no state yet: it is pending.
  if (!state) return { status: SyncStatuses.PENDING, attempts: 0 };
  return {
    status: state.status,
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

/** A change asks for a push of `version`; undefined when the portal already has it (a redelivery). */
export function requested(state: SyncState | undefined, ref: DossierRef, now: string): SyncState | undefined {
  if (!state) {
    return { dossierNo: ref.dossierNo, agencyCode: ref.agencyCode, submittedAt: ref.submittedAt, status: 'pending', wantedVersion: ref.version, syncedVersion: 0, progressSent: 0, attempts: 0, pendingSince: now, revision: 1 };
  }
  if (ref.version <= state.syncedVersion || ref.version <= state.wantedVersion) return undefined;
  return {
    ...state,
    wantedVersion: ref.version,
    // A failed dossier stays failed until an attempt succeeds or an operator resyncs: the change is queued behind it.
    status: state.status === 'failed' ? 'failed' : 'pending',
    pendingSince: state.pendingSince ?? now,
    revision: state.revision + 1,
  };
}

/** The portal accepted `version` and holds `progressSent` rows. */
export function pushed(state: SyncState, version: number, progressSent: number, now: string): SyncState {
  const syncedVersion = Math.max(state.syncedVersion, version);
  const behind = state.wantedVersion > syncedVersion;
  const { lastError: _e, pendingSince: _p, ...rest } = state;
  return {
    ...rest,
    syncedVersion,
    progressSent: Math.max(state.progressSent, progressSent),
    attempts: 0,
    lastSyncedAt: now,
    // A change that arrived meanwhile keeps it pending: its own message will push it.
    status: behind ? 'pending' : 'synced',
    ...(behind ? { pendingSince: state.pendingSince ?? now } : {}),
    revision: state.revision + 1,
  };
}

/** Progress rows accepted so far in an attempt that is not finished yet. */
export function progressAccepted(state: SyncState, progressSent: number): SyncState {
  return { ...state, progressSent: Math.max(state.progressSent, progressSent), revision: state.revision + 1 };
}

/** An attempt failed; `final` when nothing will retry it (the DLQ takes the message). */
export function attemptFailed(state: SyncState, error: string, final: boolean): SyncState {
  return { ...state, attempts: state.attempts + 1, lastError: error.slice(0, 500), status: final ? 'failed' : state.status === 'synced' ? 'pending' : state.status, revision: state.revision + 1 };
}

/** An operator asks for another try (`npm run portal:resync`): attempts start again. */
export function resynced(state: SyncState, now: string): SyncState {
  const { lastError: _e, ...rest } = state;
  return { ...rest, status: 'pending', attempts: 0, pendingSince: state.pendingSince ?? now, revision: state.revision + 1 };
}
