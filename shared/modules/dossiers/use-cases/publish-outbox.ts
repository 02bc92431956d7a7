import type { DossierEvent } from '../domain/events';
import { DossierEventsNotSentError, type DossierEventPublisher } from '../ports';

/** One selected stream record: its place in the shard, and the event of the outbox row (or why it has none). */
export interface OutboxRecord {
  readonly sequenceNumber: string;
  readonly event: DossierEvent | Error;
}

/**
 * Publishes the events of a batch of outbox stream records in their order, and answers the sequence
 * number of the first record not published (undefined: all were), which is what Lambda's
 * ReportBatchItemFailures for streams takes: the event source retries from that record on (records
 * before it are done), bisecting the batch on repeated failures, and after its retry attempts sends
 * the batch's description to the failure queue. A row whose event is unreadable is such a failure:
 * it will not get better by itself, and the failure queue is where an operator sees it.
 * Records after a failed one may have been sent already; sending them again is harmless (the FIFO
 * queue drops a repeated id within five minutes, the consumer applies each id once).
 */
export async function publishOutboxRecords(publisher: DossierEventPublisher, records: readonly OutboxRecord[]): Promise<string | undefined> {
  const firstUnreadable = records.findIndex((r) => r.event instanceof Error);
  const readable = (firstUnreadable === -1 ? records : records.slice(0, firstUnreadable)) as readonly { sequenceNumber: string; event: DossierEvent }[];
  try {
    if (readable.length > 0) await publisher.publish(readable.map((r) => r.event));
  } catch (error) {
    const notSent = error instanceof DossierEventsNotSentError ? new Set(error.eventIds) : undefined;
    // Without the ids (another publisher), nothing is known to be sent: retry from the first.
    return (notSent ? readable.find((r) => notSent.has(r.event.id)) : readable[0])?.sequenceNumber ?? readable[0]!.sequenceNumber;
  }
  return firstUnreadable === -1 ? undefined : records[firstUnreadable]!.sequenceNumber;
}
