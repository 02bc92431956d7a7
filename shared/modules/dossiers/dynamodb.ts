import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Dossier } from './domain/dossier';
import { DossierExistsError } from './domain/errors';
import type { DossierEvent } from './domain/events';
import { summaryOf } from './domain/summary';
import { counterUpdate } from '../kpis';
import type { AppliedEvent, DossierStore } from './ports';
import { UnitOfWork } from '../../platform/dynamodb/unit-of-work';
import { OutboxKeys, outboxItem, queueInOutbox } from './outbox';
import { listingRows } from './dynamodb-listing';

export const DossierKeys = {
  dossier: (no: string) => ({ pk: `DOSSIER#${no}`, sk: 'DOSSIER' }),
  outbox: OutboxKeys.item,
} as const;

/**
 * The dossier store and its outbox rows, on the single table; applying an event also adds to the kpis
 * module's counters. Every write is one unit of work whose items are named (`dossier`, `kpi`,
 * `listing:*`, `outbox:<event id>`): a failed condition becomes the error of the item that failed,
 * and a condition left unmapped (the dossier's version moved) is a conflict the caller retries
 * through withOptimisticRetry.
 */
export class DynamoDossierStore implements DossierStore {
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

  /**
   * Writes the events' rows again, unconditionally and with a new `emittedAt`: the stream then
   * carries each once more (as a MODIFY when the row was still there), which is what a re-emission
   * wants; the consumer applies each id once.
   */
  async enqueue(events: readonly DossierEvent[]): Promise<void> {
    for (const event of events) await this.client.send(new PutCommand({ TableName: this.tableName, Item: outboxItem(event) }));
  }

  async applyEvent({ before, after, kpi }: AppliedEvent): Promise<void> {
    // Unmapped on purpose: a version that moved is a lost race, retried on the fresh state (where
    // the event's id may now be recorded: a concurrent delivery of the same event).
    const unit = new UnitOfWork(this.tableName).put('dossier', { ...DossierKeys.dossier(after.dossierNo), ...after }, {
      condition: '#version = :expected',
      names: { '#version': 'version' },
      values: { ':expected': before.version },
    });
    const counters = counterUpdate(before.agencyCode, before.submittedAt, kpi);
    if (counters) unit.update('kpi', counters.key, { update: counters.update, names: counters.names, values: counters.values });
    // The list rows follow the dossier's summary (status, amounts); an event that changes none of it
    // (a registration counted) leaves them as they are.
    if (JSON.stringify(summaryOf(after)) !== JSON.stringify(summaryOf(before))) for (const row of listingRows(after)) unit.put(row.name, row.item);
    await unit.commit(this.client);
  }
}
