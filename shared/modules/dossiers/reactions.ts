import { logger } from '../../platform/observability/logger';
import type { Dossier } from './domain/dossier';
import type { DossierEvent } from './domain/events';

/**
 * Something that follows from a dossier event once it is applied: ordering the postal return of a
 * paper result, flagging money the dossier did not want, a notice to the citizen, a push to the
 * national portal… The list lives in the app (shared/app/reactions.ts), so adding one touches
 * neither the consumer nor this module.
 *
 * **Reactions must be idempotent.** One runs after the event's write and again every time the same
 * event arrives again (a redelivery after a crash between the write and the reaction, a duplicate
 * sent by the outbox relay, a DLQ redrive), on the dossier as it is then. Key the effect on something
 * stable (the event id, the delivery id) so that running twice does it once.
 */
export interface DossierReaction {
  /** For logs and metrics: what this reaction does (`postal-order`). */
  readonly name: string;
  /** Pure: whether this event on this dossier (as written, or as it is now on a redelivery) calls for it. */
  when(dossier: Dossier, event: DossierEvent): boolean;
  /**
   * Does it. A throw fails the message: the event is redelivered, its write is not repeated (the
   * marker says it was applied) and every reaction whose `when` holds runs again.
   */
  run(dossier: Dossier, event: DossierEvent): Promise<void>;
}

/** One or more reactions threw; the message must not be acknowledged so that they run again. */
export class ReactionsFailedError extends Error {
  constructor(
    readonly eventId: string,
    readonly failures: readonly { readonly reaction: string; readonly error: unknown }[],
  ) {
    super(`reaction(s) to event ${eventId} failed: ${failures.map((f) => `${f.reaction}: ${f.error instanceof Error ? f.error.message : String(f.error)}`).join('; ')}`, {
      cause: failures[0]?.error,
    });
    this.name = 'ReactionsFailedError';
  }
}

/**
 * Runs, in list order, every reaction whose `when` holds. One that fails does not stop the others
 * (they would run again on the redelivery anyway); the failures are thrown together at the end.
 * Returns the names of the reactions that ran.
 */
export async function runReactions(reactions: readonly DossierReaction[], dossier: Dossier, event: DossierEvent): Promise<string[]> {
  const ran: string[] = [];
  const failures: { reaction: string; error: unknown }[] = [];
  for (const reaction of reactions) {
    if (!reaction.when(dossier, event)) continue;
    try {
      await reaction.run(dossier, event);
      ran.push(reaction.name);
    } catch (error) {
      logger.warn('dossier reaction failed; the event will be redelivered', { reaction: reaction.name, eventId: event.id, error });
      failures.push({ reaction: reaction.name, error });
    }
  }
  if (failures.length > 0) throw new ReactionsFailedError(event.id, failures);
  return ran;
}
