import { logger } from '../observability/logger';
import type { DossierEventPublisher, Outbox } from '../ports/dossiers';
import type { DossierEvent } from '../schemas/dossier-events';

/**
 * Hands freshly written events to the queue and clears them from the outbox. A failure here loses
 * nothing: the events stay in the outbox and the relay sends them later.
 */
export async function publishQueued(outbox: Outbox, publisher: DossierEventPublisher, events: readonly DossierEvent[]): Promise<void> {
  try {
    await publisher.publish(events);
    await outbox.clear(events);
  } catch (error) {
    logger.warn('publish deferred to the outbox relay', { error, eventIds: events.map((e) => e.id) });
  }
}

/**
 * The scheduled relay: re-sends events that stayed in the outbox longer than `graceMs` (their
 * request died between the write and the publish). Duplicates are harmless: the FIFO queue drops a
 * repeated id within five minutes and the consumer applies each id once.
 */
export async function relayOutbox(outbox: Outbox, publisher: DossierEventPublisher, now: Date, graceMs = 30_000): Promise<number> {
  let relayed = 0;
  for (;;) {
    const pending = await outbox.pending(new Date(now.getTime() - graceMs), 100);
    if (pending.length === 0) return relayed;
    await publisher.publish(pending);
    await outbox.clear(pending);
    relayed += pending.length;
    if (pending.length < 100) return relayed;
  }
}
