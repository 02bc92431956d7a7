import type { Dossier } from './dossier';
import type { ApplyResult } from './apply-event';

/**
 * Which events a dossier has applied, kept on the dossier itself (no marker item per event): the
 * write that applies an event is the one that records it, under the same version condition, so an
 * event is applied once however often it is delivered.
 *
 * Almost every event leaves its id on the timeline (applied or refused, see apply-event.ts), and the
 * timeline is the dossier's whole history, never trimmed: a redelivery weeks later (a DLQ redrive, a
 * reconciliation re-emitting the same id) still finds it. The only event that changes nothing on
 * the dossier is DossierRegistered (it adds the dossier to the counters); its id goes to
 * `appliedEventIds`, which therefore holds one id per such event in the dossier's life, not a window.
 */
export function hasApplied(dossier: Pick<Dossier, 'timeline' | 'appliedEventIds'>, eventId: string): boolean {
  return dossier.timeline.some((entry) => entry.eventId === eventId) || (dossier.appliedEventIds ?? []).includes(eventId);
}

/**
 * The result to write for an event: as applied, plus the event's id when it left no timeline line
 * (same version), so that the write changes the version and records the id. `updatedAt` stays: the
 * dossier did not change for its readers.
 */
export function recordingEvent(before: Dossier, result: ApplyResult, eventId: string): ApplyResult {
  if (result.dossier.version !== before.version) return result;
  const dossier: Dossier = { ...result.dossier, appliedEventIds: [...(before.appliedEventIds ?? []), eventId], version: before.version + 1 };
  return { ...result, dossier };
}
