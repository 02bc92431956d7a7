import { applyDossierEvent } from '../domain/apply-event';
import type { Dossier } from '../domain/dossier';
import { ConcurrentModificationError, DuplicateEventError } from '../domain/errors';
import { NotFoundError } from '../../../platform/kernel/errors';
import type { Clock } from '../../../platform/kernel/time';
import { dossierEventApplied } from '../../../platform/observability/metrics';
import type { DossierStore } from '../ports';
import type { DossierEvent } from '../api/dossier-events';

export type ApplyOutcome = 'applied' | 'recorded' | 'duplicate';

const MAX_ATTEMPTS = 5;

/**
 * Applies one dossier event exactly once: read, apply the pure transition, then write conditionally
 * together with the event's marker. A redelivery finds the marker and changes nothing; a concurrent
 * writer makes the write fail and the event is applied again to the fresh state.
 */
export async function applyEventToDossier(
  store: DossierStore,
  clock: Clock,
  event: DossierEvent,
  /** Idempotent follow-up on the state written (e.g. ordering the postal return); run again on redelivery. */
  onApplied?: (dossier: Dossier) => Promise<void>,
): Promise<ApplyOutcome> {
  for (let attempt = 1; ; attempt++) {
    const before = await store.get(event.dossierNo);
    // Not acknowledged: it will be retried and, if the dossier never appears, land in the DLQ.
    if (!before) throw new NotFoundError(`Event ${event.id} is for unknown dossier ${event.dossierNo}`);
    const result = applyDossierEvent(before, event, clock.now());
    try {
      await store.applyEvent({ event, before, after: result.dossier, applied: result.applied, kpi: result.kpi });
      if (result.applied) dossierEventApplied(event.type);
      await onApplied?.(result.dossier);
      return result.applied ? 'applied' : 'recorded';
    } catch (error) {
      if (error instanceof DuplicateEventError) {
        // Applied before, but the follow-up may not have happened (the process died after the write):
        // run it again on the current state; it must be idempotent.
        const current = onApplied ? await store.get(event.dossierNo) : undefined;
        if (current) await onApplied!(current);
        return 'duplicate';
      }
      if (error instanceof ConcurrentModificationError && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
  }
}
