import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Dossier } from './domain/dossier';
import { DossierExistsError, DuplicateEventError } from './domain/errors';
import type { DossierEvent } from './domain/events';
import { counterUpdate } from '../kpis';
import type { AppliedEvent, DossierStore, Outbox, OutboxEntry } from './ports';
import { UnitOfWork } from '../../platform/dynamodb/unit-of-work';
import { OutboxKeys, queueInOutbox } from './outbox';
import { listingRows } from './dynamodb-listing';

const DAY_SECONDS = 24 * 60 * 60;
/** Longer than any SQS retention (14 days): a redelivered event always finds its marker. */
const MARKER_TTL_SECONDS = 30 * DAY_SECONDS;

export const DossierKeys = {
  dossier: (no: string) => ({ pk: `DOSSIER#${no}`, sk: 'DOSSIER' }),
  marker: (no: string, eventId: string) => ({ pk: `DOSSIER#${no}`, sk: `EVENT#${eventId}` }),
  outbox: OutboxKeys.item,
  outboxIndex: OutboxKeys.index,
} as const;

/** An event already in the outbox under its id: the repeat of a request, nothing to do. */
class AlreadyQueued extends Error {}

/**
 * The dossier store and the outbox, on the single table; applying an event also adds to the kpis
 * module's counters. Every write is one unit of work whose items are named (`dossier`, `marker`, `kpi`, `outbox`, `outbox:<event id>`): a
 * failed condition becomes the error of the item that failed, and a condition left unmapped (the
 * dossier's version moved) is a conflict the caller retries through withOptimisticRetry.
 */
export class DynamoDossierStore implements DossierStore, Outbox {
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
    const unit = new UnitOfWork(this.tableName).put(
      'dossier',
      { ...DossierKeys.dossier(dossier.dossierNo), ...dossier },
      { condition: 'attribute_not_exists(pk)', onConditionFailed: () => new DossierExistsError(`Dossier ${dossier.dossierNo} is already registered`) },
    );
    for (const event of events) queueInOutbox(unit, event);
    // The list rows go with the conditional put: a dossier is never listed without existing, nor the reverse.
    for (const row of listingRows(dossier)) unit.put(row.name, row.item);
    await unit.commit(this.client);
  }

  async enqueue(events: readonly DossierEvent[]): Promise<void> {
    for (const event of events) {
      try {
        await queueInOutbox(new UnitOfWork(this.tableName), event, () => new AlreadyQueued()).commit(this.client);
      } catch (error) {
        // Already queued under this id: an idempotent repeat of the same request.
        if (!(error instanceof AlreadyQueued)) throw error;
      }
    }
  }

  async applyEvent({ event, before, after, applied, kpi }: AppliedEvent): Promise<void> {
    const now = Math.floor(Date.now() / 1000);
    const unit = new UnitOfWork(this.tableName).put(
      'marker',
      { ...DossierKeys.marker(event.dossierNo, event.id), type: event.type, applied, at: after.updatedAt, ttl: now + MARKER_TTL_SECONDS },
      { condition: 'attribute_not_exists(sk)', onConditionFailed: () => new DuplicateEventError(`Event ${event.id} was already applied`) },
    );
    if (after.version !== before.version) {
      // Unmapped on purpose: a version that moved is a lost race, retried on the fresh state.
      unit.put('dossier', { ...DossierKeys.dossier(after.dossierNo), ...after }, {
        condition: '#version = :expected',
        names: { '#version': 'version' },
        values: { ':expected': before.version },
      });
    }
    const counters = counterUpdate(before.agencyCode, before.submittedAt, kpi);
    if (counters) unit.update('kpi', counters.key, { update: counters.update, names: counters.names, values: counters.values });
    // The outbox row goes with the write that applies its event: until then the relay can re-send it.
    unit.delete('outbox', DossierKeys.outbox(event.dossierNo, event.id));
    // The list rows follow every version of the dossier (status, amounts), under its version condition.
    if (after.version !== before.version) for (const row of listingRows(after)) unit.put(row.name, row.item);
    try {
      await unit.commit(this.client);
    } catch (error) {
      if (error instanceof DuplicateEventError) {
        // Applied before; a row re-written since (a reconciliation re-emitting the same id) is done too.
        await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: DossierKeys.outbox(event.dossierNo, event.id) }));
      }
      throw error;
    }
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
      // Applied meanwhile (row gone) or already counted by a concurrent relay: nothing to do.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
