import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DossierEvent } from '../../schemas/dossier-events';

/** Why each item of a cancelled transaction failed, in item order ('None' for those that did not). */
export function cancellationCodes(error: unknown): string[] | undefined {
  if (!(error instanceof TransactionCanceledException)) return undefined;
  return (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
}

export const OutboxKeys = {
  item: (dossierNo: string, eventId: string) => ({ pk: `DOSSIER#${dossierNo}`, sk: `OUTBOX#${eventId}` }),
  index: 'OUTBOX',
} as const;

/**
 * The transactional-outbox write: whoever changes state puts its dossier events here in the same
 * transaction; the outbox is then published and cleared (or the relay re-sends it).
 */
export function outboxPut(tableName: string, event: DossierEvent) {
  return {
    Put: {
      TableName: tableName,
      Item: { ...OutboxKeys.item(event.dossierNo, event.id), gsi1pk: OutboxKeys.index, gsi1sk: `${event.occurredAt}#${event.id}`, event },
      ConditionExpression: 'attribute_not_exists(sk)',
    },
  };
}
