import type { UnitOfWork } from '../../platform/dynamodb/unit-of-work';
import type { DossierEvent } from './domain/events';

const DAY_SECONDS = 24 * 60 * 60;
/**
 * How long a row outlives its write. The table's stream carries it to the queue within seconds;
 * the row is kept past the stream's 24 h and SQS's 14 days so that an operator can still re-publish
 * a failed record from it (npm run dlq:redrive -- dossierOutbox), then TTL removes it (a REMOVE the
 * publisher ignores).
 */
export const OUTBOX_TTL_SECONDS = 30 * DAY_SECONDS;

export const OutboxKeys = {
  item: (dossierNo: string, eventId: string) => ({ pk: `DOSSIER#${dossierNo}`, sk: `OUTBOX#${eventId}` }),
  /** Every outbox row's sort key starts so: the stream's filter and the redrive select on it. */
  skPrefix: 'OUTBOX#',
} as const;

/**
 * The outbox row of an event. `emittedAt` is when it was written (a re-emission writes it again
 * with a new one: DynamoDB streams no record for a put that changes nothing).
 */
export function outboxItem(event: DossierEvent, now = new Date()) {
  return { ...OutboxKeys.item(event.dossierNo, event.id), event, emittedAt: now.toISOString(), ttl: Math.floor(now.getTime() / 1000) + OUTBOX_TTL_SECONDS };
}

/** The name of an event's outbox row in a unit of work, for callers that map its failure. */
export const outboxItemName = (event: Pick<DossierEvent, 'id'>): string => `outbox:${event.id}`;

/**
 * The transactional-outbox write: whoever changes state puts its dossier events here in the same
 * transaction. The table's stream is the publication: PublishDossierEvents receives the row's
 * insert and sends its event to the FIFO queue (retried by the event source, then its failure
 * queue), so nothing is published from the request and nothing is deleted by the consumer; the row
 * expires by TTL. A row already there under the same id fails the transaction (unmapped: a conflict
 * to retry) unless `onConditionFailed` says what it means.
 */
export function queueInOutbox(unit: UnitOfWork, event: DossierEvent, onConditionFailed?: () => Error): UnitOfWork {
  return unit.put(outboxItemName(event), outboxItem(event), {
    condition: 'attribute_not_exists(sk)',
    ...(onConditionFailed ? { onConditionFailed } : {}),
  });
}
