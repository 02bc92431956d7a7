import {
  DeleteCommand,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Dossier } from './domain/dossier';
import { ConcurrentModificationError, DossierExistsError, DuplicateEventError } from './domain/errors';
import { KPI_COUNTERS, kpiMonth, type KpiCounts } from './domain/kpi';
import type { AppliedEvent, DossierStore, KpiReader, Outbox, OutboxEntry } from './ports';
import type { DossierEvent } from './api/dossier-events';
import { cancellationCodes } from '../../platform/dynamodb/transactions';
import { OutboxKeys, outboxDelete, outboxPut } from './outbox';

const DAY_SECONDS = 24 * 60 * 60;
/** Longer than any SQS retention (14 days): a redelivered event always finds its marker. */
const MARKER_TTL_SECONDS = 30 * DAY_SECONDS;

export const DossierKeys = {
  dossier: (no: string) => ({ pk: `DOSSIER#${no}`, sk: 'DOSSIER' }),
  marker: (no: string, eventId: string) => ({ pk: `DOSSIER#${no}`, sk: `EVENT#${eventId}` }),
  outbox: OutboxKeys.item,
  kpi: (agencyCode: string, month: string) => ({ pk: `KPI#${agencyCode}#${month}`, sk: 'COUNTERS' }),
  outboxIndex: OutboxKeys.index,
} as const;


export class DynamoDossierStore implements DossierStore, KpiReader, Outbox {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(dossierNo: string): Promise<Dossier | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: DossierKeys.dossier(dossierNo), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, ...dossier } = Item;
    return dossier as Dossier;
  }

  async create(dossier: Dossier, events: readonly DossierEvent[]): Promise<void> {
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...DossierKeys.dossier(dossier.dossierNo), ...dossier },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...events.map((e) => outboxPut(this.tableName, e)),
          ],
        }),
      );
    } catch (error) {
      if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') {
        throw new DossierExistsError(`Dossier ${dossier.dossierNo} is already registered`, { cause: error });
      }
      throw error;
    }
  }

  async enqueue(events: readonly DossierEvent[]): Promise<void> {
    for (const event of events) {
      try {
        await this.client.send(new TransactWriteCommand({ TransactItems: [outboxPut(this.tableName, event)] }));
      } catch (error) {
        // Already queued under this id: an idempotent repeat of the same request.
        if (cancellationCodes(error)?.[0] !== 'ConditionalCheckFailed') throw error;
      }
    }
  }

  async applyEvent({ event, before, after, applied, kpi }: AppliedEvent): Promise<void> {
    const increments = Object.entries(kpi).filter(([, v]) => v !== undefined && v !== 0);
    const now = Math.floor(Date.now() / 1000);
    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      {
        Put: {
          TableName: this.tableName,
          Item: { ...DossierKeys.marker(event.dossierNo, event.id), type: event.type, applied, at: after.updatedAt, ttl: now + MARKER_TTL_SECONDS },
          ConditionExpression: 'attribute_not_exists(sk)',
        },
      },
    ];
    if (after.version !== before.version) {
      items.push({
        Put: {
          TableName: this.tableName,
          Item: { ...DossierKeys.dossier(after.dossierNo), ...after },
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': before.version },
        },
      });
    }
    if (increments.length > 0) {
      items.push({
        Update: {
          TableName: this.tableName,
          Key: DossierKeys.kpi(before.agencyCode, kpiMonth(before.submittedAt)),
          UpdateExpression: `ADD ${increments.map((_, i) => `#c${i} :v${i}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(increments.map(([k], i) => [`#c${i}`, k])),
          ExpressionAttributeValues: Object.fromEntries(increments.map(([, v], i) => [`:v${i}`, v])),
        },
      });
    }
    // The outbox row goes with the write that applies its event: until then the relay can re-send it.
    items.push(outboxDelete(this.tableName, event));
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes?.[0] === 'ConditionalCheckFailed') {
        // Applied before; a row re-written since (a reconciliation re-emitting the same id) is done too.
        await this.client.send(new DeleteCommand(outboxDelete(this.tableName, event).Delete));
        throw new DuplicateEventError(`Event ${event.id} was already applied`, { cause: error });
      }
      if (codes?.[1] === 'ConditionalCheckFailed') throw new ConcurrentModificationError(`Dossier ${event.dossierNo} changed meanwhile`, { cause: error });
      throw error;
    }
  }

  async counts(agencyCode: string, month: string): Promise<KpiCounts> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: DossierKeys.kpi(agencyCode, month) }));
    return Object.fromEntries(KPI_COUNTERS.map((k) => [k, Number(Item?.[k] ?? 0)])) as KpiCounts;
  }

  async due(dueBefore: Date, limit: number): Promise<readonly OutboxEntry[]> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :cutoff',
        ExpressionAttributeValues: { ':pk': DossierKeys.outboxIndex, ':cutoff': dueBefore.toISOString() },
        Limit: limit,
      }),
    );
    return (Items ?? []).map((item) => ({ event: item.event as DossierEvent, attempts: Number(item.attempts ?? 0) }));
  }

  /** The events of `due`, for callers that only look. */
  async pending(dueBefore: Date, limit: number): Promise<readonly DossierEvent[]> {
    return (await this.due(dueBefore, limit)).map((entry) => entry.event);
  }

  async reschedule({ event, attempts }: OutboxEntry, nextAt: Date | undefined, now: Date): Promise<void> {
    const key = DossierKeys.outbox(event.dossierNo, event.id);
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          // Parked: out of the sparse index (the relay stops), kept for the operator with when and why.
          UpdateExpression: nextAt
            ? 'SET attempts = :attempts, lastSentAt = :now, gsi1sk = :next'
            : 'SET attempts = :attempts, lastSentAt = :now, parkedAt = :now REMOVE gsi1pk, gsi1sk',
          // Never re-create a row the consumer deleted meanwhile; never count an attempt twice (rows
          // written before attempts were counted have none).
          ConditionExpression: attempts === 0 ? 'attribute_exists(sk) AND (attribute_not_exists(attempts) OR attempts = :seen)' : 'attribute_exists(sk) AND attempts = :seen',
          ExpressionAttributeValues: {
            ':attempts': attempts + 1,
            ':seen': attempts,
            ':now': now.toISOString(),
            ...(nextAt ? { ':next': `${nextAt.toISOString()}#${event.id}` } : {}),
          },
        }),
      );
    } catch (error) {
      if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    }
  }
}
