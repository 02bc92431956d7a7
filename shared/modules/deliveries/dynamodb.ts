import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Delivery } from './domain/delivery';
import { isTerminalDelivery } from './domain/status';
import { boundTimeline, carrierEventKey } from './domain/timeline';
import { DossierExistsError, DuplicateEventError } from '../dossiers';
import type { DeliveryStore } from './ports';
import type { DeliveryTimelineEntry } from './domain/delivery';
import type { DossierEvent } from '../dossiers';
import { RetryableWriteConflict } from '../../platform/dynamodb/optimistic';
import { UnitOfWork } from '../../platform/dynamodb/unit-of-work';
import { queueInOutbox } from '../dossiers';

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
    const work = new UnitOfWork(this.tableName)
      .put('dossier pointer', { ...Keys.ofDossier(delivery.dossierNo), deliveryId: delivery.deliveryId }, {
        condition: 'attribute_not_exists(pk)',
        onConditionFailed: () => new DossierExistsError(`Dossier ${delivery.dossierNo} already has a postal return`),
      })
      .put('delivery', deliveryItem(delivery), { condition: 'attribute_not_exists(pk)' });
    this.queue(work, events);
    await work.commit(this.client);
  }

  async update(before: Delivery, unbounded: Delivery, events: readonly DossierEvent[], carrierEventId?: string): Promise<void> {
    // The version condition on the delivery covers the archive puts too: a lost race writes neither.
    const { delivery: after, archive } = boundTimeline(unbounded);
    const work = new UnitOfWork(this.tableName);
    if (carrierEventId) {
      work.put('carrier event', { ...Keys.marker(before.deliveryId, carrierEventId), ttl: Math.floor(Date.now() / 1000) + MARKER_TTL_SECONDS }, {
        condition: 'attribute_not_exists(sk)',
        onConditionFailed: () => new DuplicateEventError(`Carrier event ${carrierEventId} was already applied`),
      });
    }
    // A version that moved is a lost race, not a conflict for the caller: re-read and apply again.
    work.put('delivery', deliveryItem(after), {
      condition: '#version = :expected',
      names: { '#version': 'version' },
      values: { ':expected': before.version },
      onConditionFailed: (existing) => new RetryableWriteConflict(`Delivery ${before.deliveryId} changed meanwhile (version ${String(existing?.version ?? 'gone')}, expected ${before.version})`),
    });
    if (after.trackingNumber && !before.trackingNumber) work.put('tracking pointer', { ...Keys.tracking(after.trackingNumber), deliveryId: after.deliveryId });
    for (const { seq, entry } of archive) work.put(`archived entry ${seq}`, { ...Keys.archived(after.deliveryId, seq), entry });
    this.queue(work, events);
    await work.commit(this.client);
  }

  /** The dossier events, in the outbox in the same transaction. A row already there is our bug: a 500, not retried. */
  private queue(work: UnitOfWork, events: readonly DossierEvent[]): void {
    for (const event of events) queueInOutbox(work, event, () => new Error(`Dossier event ${event.id} is already in the outbox`));
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
