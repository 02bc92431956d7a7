import type { DossierEvent } from './api/dossier-events';

export const OutboxKeys = {
  item: (dossierNo: string, eventId: string) => ({ pk: `DOSSIER#${dossierNo}`, sk: `OUTBOX#${eventId}` }),
  index: 'OUTBOX',
} as const;

/**
 * The transactional-outbox write: whoever changes state puts its dossier events here in the same
 * transaction. The row stays until the consumer has applied the event (it deletes the row in the
 * transaction that applies it, see outboxDelete), so the outbox always holds every event not yet
 * applied and the relay can re-send it whatever was lost on the way. `gsi1sk` starts with the
 * instant from which the relay may re-send the row; each re-send pushes it later (backoff).
 */
export function outboxPut(tableName: string, event: DossierEvent) {
  return {
    Put: {
      TableName: tableName,
      Item: { ...OutboxKeys.item(event.dossierNo, event.id), gsi1pk: OutboxKeys.index, gsi1sk: `${event.occurredAt}#${event.id}`, attempts: 0, event },
      ConditionExpression: 'attribute_not_exists(sk)',
    },
  };
}

/** Removes an applied event's outbox row; a missing row (an event sent without one) is no error. */
export function outboxDelete(tableName: string, event: Pick<DossierEvent, 'dossierNo' | 'id'>) {
  return { Delete: { TableName: tableName, Key: OutboxKeys.item(event.dossierNo, event.id) } };
}
