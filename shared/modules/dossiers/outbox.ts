import type { UnitOfWork } from '../../platform/dynamodb/unit-of-work';
import type { DossierEvent } from './domain/events';

export const OutboxKeys = {
  item: (dossierNo: string, eventId: string) => ({ pk: `DOSSIER#${dossierNo}`, sk: `OUTBOX#${eventId}` }),
  index: 'OUTBOX',
} as const;

/** The outbox row of an event: due for the relay from the instant the event occurred. */
function outboxItem(event: DossierEvent) {
  return { ...OutboxKeys.item(event.dossierNo, event.id), gsi1pk: OutboxKeys.index, gsi1sk: `${event.occurredAt}#${event.id}`, attempts: 0, event };
}

/** The name of an event's outbox row in a unit of work, for callers that map its failure. */
export const outboxItemName = (event: Pick<DossierEvent, 'id'>): string => `outbox:${event.id}`;

/**
 * The transactional-outbox write: whoever changes state puts its dossier events here in the same
 * transaction. The row stays until the consumer has applied the event (it deletes the row in the
 * transaction that applies it, see DynamoDossierStore.applyEvent), so the outbox always holds every event not yet
 * applied and the relay can re-send it whatever was lost on the way. `gsi1sk` starts with the
 * instant from which the relay may re-send the row; each re-send pushes it later (backoff).
 * A row already there under the same id fails the transaction (unmapped: a conflict to retry) unless
 * `onConditionFailed` says what it means.
 */
export function queueInOutbox(unit: UnitOfWork, event: DossierEvent, onConditionFailed?: () => Error): UnitOfWork {
  return unit.put(outboxItemName(event), outboxItem(event), {
    condition: 'attribute_not_exists(sk)',
    ...(onConditionFailed ? { onConditionFailed } : {}),
  });
}
