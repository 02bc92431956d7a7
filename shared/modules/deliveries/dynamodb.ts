import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Delivery } from './domain/delivery';
import { isTerminalDelivery } from './domain/status';
import { boundTimeline, carrierEventKey } from './domain/timeline';
import { ConcurrentModificationError, DossierExistsError, DuplicateEventError } from '../dossiers';
import type { DeliveryStore } from './ports';
import type { DeliveryTimelineEntry } from './api/delivery';
import type { DossierEvent } from '../dossiers';
import { cancellationCodes } from '../../platform/dynamodb/transactions';
import { outboxPut } from '../dossiers';

const MARKER_TTL_SECONDS = 30 * 24 * 60 * 60;

const Keys = {
  delivery: (id: string) => ({ pk: `DELIVERY#${id}`, sk: 'DELIVERY' }),
  ofDossier: (no: string) => ({ pk: `DOSSIER#${no}`, sk: 'DELIVERY' }),
  tracking: (tn: string) => ({ pk: `TRACKING#${tn}`, sk: 'TRACKING' }),
  // Hashed: a carrier's id can be longer than a sort key allows, and must not be cut (see carrierEventKey).
  marker: (id: string, eventId: string) => ({ pk: `DELIVERY#${id}`, sk: `EVENT#${carrierEventKey(eventId)}` }),
  /** Archived timeline entries, zero-padded so that the sort key order is the timeline order. */
  archived: (id: string, seq: number) => ({ pk: `DELIVERY#${id}`, sk: `TIMELINE#${String(seq).padStart(10, '0')}` }),
  archivedPrefix: 'TIMELINE#',
  openIndex: 'DELIVERY#OPEN',
} as const;


/** Open deliveries with an order are indexed by their last update, for the reconciliation job. */
function deliveryItem(d: Delivery) {
  const open = d.trackingNumber !== undefined && !isTerminalDelivery(d.status);
  return { ...Keys.delivery(d.deliveryId), ...d, ...(open ? { gsi1pk: Keys.openIndex, gsi1sk: `${d.updatedAt}#${d.deliveryId}` } : {}) };
}

function strip(item: Record<string, unknown> | undefined): Delivery | undefined {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, ...delivery } = item;
  return delivery as unknown as Delivery;
}

export class DynamoDeliveryStore implements DeliveryStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(deliveryId: string): Promise<Delivery | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: Keys.delivery(deliveryId), ConsistentRead: true }));
    return strip(Item);
  }

  private async pointer(key: { pk: string; sk: string }): Promise<Delivery | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return Item ? this.get(Item.deliveryId as string) : undefined;
  }

  ofDossier(dossierNo: string): Promise<Delivery | undefined> {
    return this.pointer(Keys.ofDossier(dossierNo));
  }

  byTrackingNumber(trackingNumber: string): Promise<Delivery | undefined> {
    return this.pointer(Keys.tracking(trackingNumber));
  }

  async create(delivery: Delivery, events: readonly DossierEvent[]): Promise<void> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: { ...Keys.ofDossier(delivery.dossierNo), deliveryId: delivery.deliveryId }, ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: this.tableName, Item: deliveryItem(delivery), ConditionExpression: 'attribute_not_exists(pk)' } },
            ...events.map((event) => outboxPut(this.tableName, event)),
          ],
        }),
      );
    } catch (error) {
      if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') throw new DossierExistsError(`Dossier ${delivery.dossierNo} already has a postal return`, { cause: error });
      throw error;
    }
  }

  async update(before: Delivery, unbounded: Delivery, events: readonly DossierEvent[], carrierEventId?: string): Promise<void> {
    // The version condition on the delivery covers the archive puts too: a lost race writes neither.
    const { delivery: after, archive } = boundTimeline(unbounded);
    const items = [
      ...(carrierEventId
        ? [{
            Put: {
              TableName: this.tableName,
              Item: { ...Keys.marker(before.deliveryId, carrierEventId), ttl: Math.floor(Date.now() / 1000) + MARKER_TTL_SECONDS },
              ConditionExpression: 'attribute_not_exists(sk)',
            },
          }]
        : []),
      {
        Put: {
          TableName: this.tableName,
          Item: deliveryItem(after),
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': before.version },
        },
      },
      ...(after.trackingNumber && !before.trackingNumber
        ? [{ Put: { TableName: this.tableName, Item: { ...Keys.tracking(after.trackingNumber), deliveryId: after.deliveryId } } }]
        : []),
      ...archive.map(({ seq, entry }) => ({ Put: { TableName: this.tableName, Item: { ...Keys.archived(after.deliveryId, seq), entry } } })),
      ...events.map((event) => outboxPut(this.tableName, event)),
    ];
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      const reasons = cancellationCodes(error);
      if (carrierEventId && reasons?.[0] === 'ConditionalCheckFailed') throw new DuplicateEventError(`Carrier event ${carrierEventId} was already applied`, { cause: error });
      if (reasons?.[carrierEventId ? 1 : 0] === 'ConditionalCheckFailed') throw new ConcurrentModificationError(`Delivery ${before.deliveryId} changed meanwhile`, { cause: error });
      // Another transaction was writing the same delivery at that instant: nothing was written, so
      // this is the same lost race as a version mismatch and the caller re-reads and retries.
      if (reasons?.includes('TransactionConflict')) throw new ConcurrentModificationError(`Delivery ${before.deliveryId} was being written meanwhile`, { cause: error });
      throw error;
    }
  }

  async archivedTimeline(deliveryId: string): Promise<readonly DeliveryTimelineEntry[]> {
    const entries: DeliveryTimelineEntry[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': Keys.delivery(deliveryId).pk, ':prefix': Keys.archivedPrefix },
          ConsistentRead: true,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of page.Items ?? []) entries.push(item.entry as DeliveryTimelineEntry);
      start = page.LastEvaluatedKey;
    } while (start);
    return entries;
  }

  async quietSince(olderThan: Date, limit: number): Promise<readonly Delivery[]> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :cutoff',
        ExpressionAttributeValues: { ':pk': Keys.openIndex, ':cutoff': olderThan.toISOString() },
        Limit: limit,
      }),
    );
    return (Items ?? []).map((i) => strip(i)!);
  }
}
