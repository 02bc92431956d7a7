import type { Clock } from '../../../platform/kernel/time';
import { withOptimisticRetry } from '../../../platform/dynamodb/optimistic';
import type { Dossier, DossierStore } from '../../dossiers';
import { buildProgress, buildSnapshot, chunk } from '../domain/snapshot';
import { attemptFailed, progressAccepted, pushed, requested, resynced, viewOf, type SyncState, type SyncView } from '../domain/sync-state';
import type { NationalPortal, PortalPushRequester, ProcedureTimes, SyncStateStore } from '../ports';

export interface RequestDeps {
  readonly syncStates: SyncStateStore;
  readonly requestPush: PortalPushRequester;
  readonly clock: Clock;
}

export interface PushDeps {
  readonly syncStates: SyncStateStore;
  readonly dossiers: Pick<DossierStore, 'get'>;
  readonly portal: NationalPortal;
  /** For NgayHenTra: read at each push, so a procedure given its processing time later fills it in. */
  readonly procedures: ProcedureTimes;
  readonly clock: Clock;
}

/** Reads, decides and writes a state under withOptimisticRetry; `decide` returns undefined to leave it. */
async function updateState(store: SyncStateStore, dossierNo: string, decide: (state: SyncState | undefined) => SyncState | undefined): Promise<SyncState | undefined> {
  return withOptimisticRetry(async () => {
    const state = await store.get(dossierNo);
    const next = decide(state);
    if (next) await store.save(state, next);
    return next ?? state;
  });
}

/**
 * A dossier changed: record that the portal lags behind this version, then ask the consumer to push.
 * Idempotent (the dossier reaction runs again on a redelivery): the state only moves forward, and
 * the message is deduplicated by version. The message is sent even when the state did not move, in
 * case the earlier run wrote the state and then failed to send.
 */
export async function requestPortalPush(deps: RequestDeps, dossier: Dossier): Promise<void> {
  const ref = { dossierNo: dossier.dossierNo, agencyCode: dossier.agencyCode, submittedAt: dossier.submittedAt, version: dossier.version };
  const state = await updateState(deps.syncStates, dossier.dossierNo, (s) => requested(s, ref, deps.clock.now().toISOString()));
  if (state && state.syncedVersion >= dossier.version) return;
  await deps.requestPush(dossier.dossierNo, `v${dossier.version}`);
}

export type PushOutcome = 'pushed' | 'up_to_date' | 'unknown_dossier';

/**
 * Pushes the dossier as it is NOW (the newest snapshot wins, so a message for an older change
 * carries the later ones too): the full snapshot, then the progress rows the portal does not hold
 * yet, in chunks of at most 10, each chunk recorded as it is accepted. A failure is recorded on the
 * state and rethrown for the queue to retry; `final` says no retry follows (the DLQ takes it).
 */
export async function pushDossier(deps: PushDeps, dossierNo: string, attempt: { readonly final: boolean }): Promise<PushOutcome> {
  const dossier = await deps.dossiers.get(dossierNo);
  if (!dossier) return 'unknown_dossier';
  const rows = buildProgress(dossier);
  let state = await deps.syncStates.get(dossierNo);
  if (state && state.syncedVersion >= dossier.version && state.progressSent >= rows.length) return 'up_to_date';
  try {
    const procedure = await deps.procedures.getProcedure(dossier.procedureCode);
    await deps.portal.upsert(buildSnapshot(dossier, procedure), (state?.syncedVersion ?? 0) > 0);
    let sent = Math.min(state?.progressSent ?? 0, rows.length);
    for (const part of chunk(rows.slice(sent))) {
      await deps.portal.progress(part);
      sent += part.length;
      const count = sent;
      state = await updateState(deps.syncStates, dossierNo, (s) => (s ? progressAccepted(s, count) : undefined));
    }
    const now = deps.clock.now().toISOString();
    await updateState(deps.syncStates, dossierNo, (s) => (s ? pushed(s, dossier.version, rows.length, now) : undefined));
    return 'pushed';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await updateState(deps.syncStates, dossierNo, (s) => (s ? attemptFailed(s, message, attempt.final) : undefined)).catch(() => undefined);
    throw error;
  }
}

/**
 * `npm run portal:resync -- <dossierNo>`: attempts start again and a fresh push is queued (a new
 * deduplication key, so it is not mistaken for the message that failed). Returns false for a dossier
 * that has no sync state (never changed since this feature, or unknown).
 */
export async function resyncDossier(deps: RequestDeps, dossierNo: string): Promise<boolean> {
  const now = deps.clock.now().toISOString();
  const state = await updateState(deps.syncStates, dossierNo, (s) => (s ? resynced(s, now) : undefined));
  if (!state) return false;
  await deps.requestPush(dossierNo, `resync-${now}`);
  return true;
}

/** `npm run portal:resync -- --failed`: every failed dossier, oldest first. */
export async function resyncFailed(deps: RequestDeps, limit = 1_000): Promise<string[]> {
  const failed = await deps.syncStates.listByStatus('failed', limit);
  for (const state of failed) await resyncDossier(deps, state.dossierNo);
  return failed.map((s) => s.dossierNo);
}

/** What GET /v1/dossiers/{dossierNo} shows. */
export async function portalSyncView(store: Pick<SyncStateStore, 'get'>, dossierNo: string): Promise<SyncView> {
  return viewOf(await store.get(dossierNo));
}
