import type { Clock } from '../../../platform/kernel/time';
import { withOptimisticRetry } from '../../../platform/dynamodb/optimistic';
import { logger } from '../../../platform/observability/logger';
import type { Dossier, DossierStore } from '../../dossiers';
import { buildProgress, buildSnapshot, chunk } from '../domain/snapshot';
import { attemptFailed, progressAccepted, pushed, resynced, unsynced, viewOf, type SyncState, type SyncView } from '../domain/sync-state';
import type { NationalPortal, PortalAuditLog, PortalExchange, PortalPushRequester, ProcedureTimes, SyncStateStore } from '../ports';

export interface RequestDeps {
  readonly syncStates: SyncStateStore;
  readonly requestPush: PortalPushRequester;
  readonly clock: Clock;
}

export interface PushDeps {
  readonly syncStates: SyncStateStore;
  readonly dossiers: Pick<DossierStore, 'get'>;
  readonly portal: NationalPortal;
  /** Where each push attempt's exchanges are kept, as one record. */
  readonly audit: PortalAuditLog;
  /** For NgayHenTra: read at each push, so a procedure given its processing time later fills it in. */
  readonly procedures: ProcedureTimes;
  readonly clock: Clock;
}

/**
 * Decides and writes a state under withOptimisticRetry; `decide` returns undefined to leave it. The
 * first round decides on `read` (the state as the caller read it, undefined: none), so a write
 * costs no second read; a lost race reads again.
 */
async function updateState(store: SyncStateStore, dossierNo: string, read: SyncState | undefined, decide: (state: SyncState | undefined) => SyncState | undefined): Promise<SyncState | undefined> {
  return withOptimisticRetry(async (round) => {
    const state = round === 1 ? read : await store.get(dossierNo);
    const next = decide(state);
    if (next) await store.save(state, next);
    return next ?? state;
  });
}

/**
 * A dossier changed: ask the consumer to push it. Nothing is written here: the push reads the
 * dossier as it is then and writes the one outcome, and GET dossier tells a pending change from the
 * dossier's version. The message is deduplicated by version (a redelivered reaction within SQS's
 * 5-minute window sends nothing new; after it, the consumer finds the portal up to date).
 */
export async function requestPortalPush(deps: Pick<RequestDeps, 'requestPush'>, dossier: Dossier): Promise<void> {
  await deps.requestPush(dossier.dossierNo, `v${dossier.version}`);
}

export type PushOutcome = 'pushed' | 'up_to_date' | 'unknown_dossier';

/**
 * Pushes the dossier as it is NOW (the newest snapshot wins, so a message for an older change
 * carries the later ones too): the full snapshot, then the progress rows the portal does not hold
 * yet, in chunks of at most 10. The outcome is one conditional write of the state: synced, or the
 * failure (with the rows accepted before it, so a retry does not send them again), rethrown for
 * the queue to retry; `final` says no retry follows (the DLQ takes it). Only a chunk that is not
 * the last is recorded on its own, so a crash between chunks does not resend it. Every exchange of
 * the attempt goes into one audit record.
 */
export async function pushDossier(deps: PushDeps, dossierNo: string, attempt: { readonly final: boolean }): Promise<PushOutcome> {
  const dossier = await deps.dossiers.get(dossierNo);
  if (!dossier) return 'unknown_dossier';
  const rows = buildProgress(dossier);
  let state = await deps.syncStates.get(dossierNo);
  const now = () => deps.clock.now().toISOString();
  if (state && state.syncedVersion >= dossier.version && state.progressSent >= rows.length) {
    // A state left pending or failed (an operator's resync, a retry after the portal took it) says so no longer.
    if (state.status !== 'synced') await updateState(deps.syncStates, dossierNo, state, (s) => s && pushed(s, dossier.version, rows.length, now()));
    return 'up_to_date';
  }
  const trail: PortalExchange[] = [];
  let sent = Math.min(state?.progressSent ?? 0, rows.length);
  try {
    const procedure = await deps.procedures.getProcedure(dossier.procedureCode);
    await deps.portal.upsert(buildSnapshot(dossier, procedure), (state?.syncedVersion ?? 0) > 0, trail);
    const parts = chunk(rows.slice(sent));
    for (const [i, part] of parts.entries()) {
      await deps.portal.progress(part, trail);
      sent += part.length;
      const count = sent;
      if (i < parts.length - 1) state = await updateState(deps.syncStates, dossierNo, state, (s) => progressAccepted(s ?? unsynced(dossier), count));
    }
    await updateState(deps.syncStates, dossierNo, state, (s) => pushed(s ?? unsynced(dossier), dossier.version, rows.length, now()));
    return 'pushed';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await updateState(deps.syncStates, dossierNo, state, (s) => attemptFailed(s ?? unsynced(dossier), message, attempt.final, sent, now())).catch(() => undefined);
    throw error;
  } finally {
    if (trail.length > 0) {
      await deps.audit
        .recordPush(dossierNo, trail)
        .catch((error: unknown) => logger.warn('national portal audit not written', { dossierNo, error: error instanceof Error ? error.name : 'unknown' }));
    }
  }
}

/**
 * `npm run portal:resync -- <dossierNo>`: attempts start again and a fresh push is queued (a new
 * deduplication key, so it is not mistaken for the message that failed). Returns false for a dossier
 * that has no sync state (unknown, or no push of it was ever tried: its first attempt writes one).
 */
export async function resyncDossier(deps: RequestDeps, dossierNo: string): Promise<boolean> {
  const now = deps.clock.now().toISOString();
  const state = await updateState(deps.syncStates, dossierNo, await deps.syncStates.get(dossierNo), (s) => (s ? resynced(s, now) : undefined));
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

/** What GET /v1/dossiers/{dossierNo} shows for the dossier at its version. */
export async function portalSyncView(store: Pick<SyncStateStore, 'get'>, dossier: Pick<Dossier, 'dossierNo' | 'version'>): Promise<SyncView> {
  return viewOf(await store.get(dossier.dossierNo), dossier.version);
}
