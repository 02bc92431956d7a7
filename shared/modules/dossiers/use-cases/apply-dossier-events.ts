import { applyDossierEvent } from '../domain/apply-event';
import { hasApplied, recordingEvent } from '../domain/applied-events';
import type { Dossier } from '../domain/dossier';
import type { DossierEvent } from '../domain/events';
import { NotFoundError } from '../../../platform/kernel/errors';
import type { Clock } from '../../../platform/kernel/time';
import { withOptimisticRetry, type RetryPolicy } from '../../../platform/dynamodb/optimistic';
import { dossierEventApplied } from '../../../platform/observability/metrics';
import type { DossierStore } from '../ports';
import { runReactions, type DossierReaction } from '../reactions';

export type ApplyOutcome = 'applied' | 'recorded' | 'duplicate';

/**
 * Applies one dossier event exactly once: read, apply the pure transition, then write the dossier
 * conditionally on the version read; the written dossier records the event's id (applied-events.ts).
 * A redelivery finds the id and writes nothing; a concurrent writer (the same event delivered twice
 * at once included) makes the write fail and the event is applied again to the fresh state, where
 * the id may now be (withOptimisticRetry decides how often). Then the reactions run, on the state written, or on the current state for a
 * redelivery: the process may have died between the write and the reactions.
 */
export async function applyEventToDossier(
  store: DossierStore,
  clock: Clock,
  event: DossierEvent,
  reactions: readonly DossierReaction[] = [],
  retry?: RetryPolicy,
): Promise<ApplyOutcome> {
  const { outcome, dossier } = await withOptimisticRetry(async (): Promise<{ outcome: ApplyOutcome; dossier?: Dossier }> => {
    const before = await store.get(event.dossierNo);
    // Not acknowledged: it will be retried and, if the dossier never appears, land in the DLQ.
    if (!before) throw new NotFoundError(`Event ${event.id} is for unknown dossier ${event.dossierNo}`);
    if (hasApplied(before, event.id)) return { outcome: 'duplicate' };
    const result = recordingEvent(before, applyDossierEvent(before, event, clock.now()), event.id);
    await store.applyEvent({ event, before, after: result.dossier, applied: result.applied, kpi: result.kpi });
    if (result.applied) dossierEventApplied(event.type);
    return { outcome: result.applied ? 'applied' : 'recorded', dossier: result.dossier };
  }, retry);
  const current = dossier ?? (reactions.length > 0 ? await store.get(event.dossierNo) : undefined);
  if (current) await runReactions(reactions, current, event);
  return outcome;
}
