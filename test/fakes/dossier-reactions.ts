import type { DossierReaction } from '../../shared/modules/dossiers/reactions';
import type { DossierEvent } from '../../shared/modules/dossiers/domain/events';
import type { DossierStatus } from '../../shared/modules/dossiers/domain/status';

/**
 * A test-only reaction, added the way a real one would be (a notice to the citizen when the result
 * is ready): it records each run, so tests can count runs per event and redelivery.
 */
export function recordingNoticeReaction(on: DossierEvent['type'] = 'ResultReady') {
  const runs: { eventId: string; status: DossierStatus }[] = [];
  const reaction: DossierReaction = {
    name: 'citizen-notice',
    when: (_dossier, event) => event.type === on,
    run: async (dossier, event) => void runs.push({ eventId: event.id, status: dossier.status }),
  };
  return { reaction, runs };
}

/** A reaction whose partner is down for the first `failures` runs. */
export function flakyReaction(failures: number, name = 'flaky-partner') {
  let calls = 0;
  const reaction: DossierReaction = {
    name,
    when: () => true,
    run: async () => {
      calls++;
      if (calls <= failures) throw new Error(`${name} unavailable`);
    },
  };
  return { reaction, calls: () => calls };
}
