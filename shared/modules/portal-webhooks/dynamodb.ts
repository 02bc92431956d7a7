import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { UnitOfWork } from '../../platform/dynamodb/unit-of-work';
import { decodeCursor, encodeCursor } from '../../platform/dynamodb/cursor';
import { expiresAfter, recordOf } from '../../platform/dynamodb/item';
import { awaitsDispatch, type WebhookDelivery } from './domain/delivery';
import type { DeliveryPage, WebhookDeliveryStore } from './ports';

/** The log is kept a year after a delivery's last change (the portal may ask what it was sent). */
const DELIVERY_TTL_SECONDS = 366 * 24 * 60 * 60;

export const WebhookKeys = {
  /** A dossier's deliveries share a partition, in change order: the log is one Query, no index. */
  delivery: (dossierNo: string, sequence: number) => ({ pk: `WEBHOOKS#${dossierNo}`, sk: `WEBHOOK#${String(sequence).padStart(6, '0')}` }),
  dossier: (dossierNo: string) => `WEBHOOKS#${dossierNo}`,
  /** Sparse gsi1 partition of the scheduled deliveries whose next attempt has no message yet, by due time. */
  due: 'WEBHOOK_DUE',
} as const;

function itemOf(d: WebhookDelivery) {
  const ttl = expiresAfter(d.updatedAt, DELIVERY_TTL_SECONDS);
  const due = awaitsDispatch(d) ? { gsi1pk: WebhookKeys.due, gsi1sk: `${d.nextAttemptAt ?? d.createdAt}#${d.dossierNo}#${d.sequence}` } : {};
  return { ...WebhookKeys.delivery(d.dossierNo, d.sequence), ...due, ttl, ...d };
}

export class DynamoWebhookDeliveryStore implements WebhookDeliveryStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(dossierNo: string, sequence: number): Promise<WebhookDelivery | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: WebhookKeys.delivery(dossierNo, sequence), ConsistentRead: true }));
    return Item ? recordOf<WebhookDelivery>(Item) : undefined;
  }

  async save(next: WebhookDelivery, from?: number): Promise<void> {
    // Without onConditionFailed a refused write is a RetryableWriteConflict: another consumer recorded first.
    const condition = from === undefined
      ? { condition: 'attribute_not_exists(pk)' }
      : { condition: '#v = :expected', names: { '#v': 'version' }, values: { ':expected': from } };
    await new UnitOfWork(this.tableName).put('delivery', itemOf(next), condition).commit(this.client);
  }

  markDispatched(delivery: WebhookDelivery, attempt: number): Promise<boolean> {
    // Bookkeeping, not a state change: the version stays, so a consumer that read it still writes.
    return new UnitOfWork(this.tableName)
      .update('delivery', WebhookKeys.delivery(delivery.dossierNo, delivery.sequence), {
        update: 'SET dispatchedAttempt = :attempt REMOVE gsi1pk, gsi1sk',
        condition: '#v = :v',
        names: { '#v': 'version' },
        values: { ':attempt': attempt, ':v': delivery.version },
      })
      .commitUnlessRefused(this.client);
  }

  async listDue(until: Date, limit: number): Promise<WebhookDelivery[]> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :until',
        ExpressionAttributeValues: { ':pk': WebhookKeys.due, ':until': `${until.toISOString()}#~` },
        Limit: limit,
      }),
    );
    return (Items ?? []).map((item) => recordOf<WebhookDelivery>(item));
  }

  async listByDossier(dossierNo: string, page: { readonly limit: number; readonly cursor?: string }): Promise<DeliveryPage> {
    const pk = WebhookKeys.dossier(dossierNo);
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': 'WEBHOOK#' },
        Limit: page.limit,
        ExclusiveStartKey: decodeCursor(page.cursor, { keys: ['sk'], fixed: { pk } }),
      }),
    );
    const nextCursor = encodeCursor(result.LastEvaluatedKey);
    return { items: (result.Items ?? []).map((item) => recordOf<WebhookDelivery>(item)), ...(nextCursor ? { nextCursor } : {}) };
  }
}
