import { logger } from '../../../platform/observability/logger';
import type { DossierEventPublisher, Outbox, OutboxEntry } from '../ports';
import type { DossierEvent } from '../domain/events';

/**
 * Hands freshly written events to the queue. The outbox rows stay: the consumer deletes each in the
 * transaction that applies its event, so a message lost after this send (a crash of the queue, of
 * the consumer, or of this process) is still in the outbox for the relay. A failure here loses
 * nothing either: the relay sends the events later.
 */
export async function publishQueued(publisher: DossierEventPublisher, events: readonly DossierEvent[]): Promise<void> {
  try {
    await publisher.publish(events);
  } catch (error) {
    logger.warn('publish deferred to the outbox relay', { error, eventIds: events.map((e) => e.id) });
  }
}

export interface RelaySettings {
  /** A row younger than this is left alone: its request has just published it. */
  readonly graceMs: number;
  /** Delay after the first re-send; it doubles with each further attempt, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /**
   * Re-sends after which a row is parked. An event that cannot apply (its dossier missing, a bug)
   * lands in the DLQ after each re-send; parking stops that every-minute churn, and the DLQ alarm
   * and `npm run dlq:redrive` take over. A parked row stays in the table for the operator.
   */
  readonly maxAttempts: number;
}

export const DEFAULT_RELAY_SETTINGS: RelaySettings = { graceMs: 30_000, baseDelayMs: 60_000, maxDelayMs: 4 * 60 * 60_000, maxAttempts: 10 };

const PAGE = 100;
/** Pages per run, so that one run ends well within the function's timeout whatever the backlog. */
const MAX_PAGES = 20;

/** When a row that has now been sent `attempts` times (this one included) may go again; undefined parks it. */
export function nextAttemptAt(attempts: number, now: Date, settings: RelaySettings): Date | undefined {
  if (attempts >= settings.maxAttempts) return undefined;
  const delay = Math.min(settings.baseDelayMs * 2 ** (attempts - 1), settings.maxDelayMs);
  return new Date(now.getTime() + delay);
}

/**
 * The scheduled relay: re-sends every event still in the outbox `graceMs` after it became due, i.e.
 * not applied yet (its publish failed, or the message was lost before the consumer applied it).
 * Duplicates are harmless and expected (an event still queued behind a backlog is sent again): the
 * FIFO queue drops a repeated id within five minutes and the consumer applies each id once, by the
 * marker written in the same transaction as the state. Each re-send is counted on the row and
 * pushes its next one back exponentially, so an event that cannot apply is not re-sent forever.
 */
export async function relayOutbox(outbox: Outbox, publisher: DossierEventPublisher, now: Date, settings: RelaySettings = DEFAULT_RELAY_SETTINGS): Promise<number> {
  let relayed = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const due = await outbox.due(new Date(now.getTime() - settings.graceMs), PAGE);
    if (due.length === 0) break;
    await publisher.publish(due.map((entry) => entry.event));
    for (const entry of due) await reschedule(outbox, entry, now, settings);
    relayed += due.length;
    if (due.length < PAGE) break;
  }
  return relayed;
}

async function reschedule(outbox: Outbox, entry: OutboxEntry, now: Date, settings: RelaySettings): Promise<void> {
  const attempts = entry.attempts + 1;
  const next = nextAttemptAt(attempts, now, settings);
  if (!next) logger.error('outbox event parked: it did not apply after repeated re-sends, see the dossier events DLQ', { eventId: entry.event.id, type: entry.event.type, attempts });
  // Rescheduling moves the row out of this run's window, so the next page holds other rows.
  await outbox.reschedule(entry, next, now);
}
