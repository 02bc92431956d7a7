import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { UnitOfWork } from '../../platform/dynamodb/unit-of-work';
import { counterUpdate } from '../kpis';
import { firstAccepted, type SyncState } from './domain/sync-state';
import type { PortalAuditLog, PortalExchange, SyncStateStore } from './ports';
import { queryAll } from '../../platform/dynamodb/query-all';

const DAY_SECONDS = 86_400;
/** Audit records are kept two years, then DynamoDB's TTL removes them (they hold the applicant's data). */
const AUDIT_TTL_SECONDS = 730 * DAY_SECONDS;

export const NationalPortalKeys = {
  state: (dossierNo: string) => ({ pk: `NPSYNC#${dossierNo}`, sk: 'STATE' }),
  audit: (dossierNo: string, at: string) => ({ pk: `NPSYNC#${dossierNo}`, sk: `AUDIT#${at}#${randomUUID()}` }),
  /** Sparse index of the dossiers the portal lags on, by status, oldest first. */
  index: (status: string) => `NPSYNC#${status}`,
} as const;

/**
 * Sync states on the single table. A state moves only by a write conditional on the revision it was
 * read at; the first success carries the KPI counter in the same transaction, so the count is exactly
 * the dossiers the portal ever accepted. Audit records: one per push attempt, beside the state.
 */
export class DynamoSyncStateStore implements SyncStateStore, PortalAuditLog {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(dossierNo: string): Promise<SyncState | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: NationalPortalKeys.state(dossierNo), ConsistentRead: true }));
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, ...state } = Item;
    return state as SyncState;
  }

  async save(previous: SyncState | undefined, next: SyncState): Promise<void> {
    const lagging = next.status !== 'synced';
    const item = {
      ...NationalPortalKeys.state(next.dossierNo),
      ...next,
      ...(lagging ? { gsi1pk: NationalPortalKeys.index(next.status), gsi1sk: `${next.pendingSince ?? ''}#${next.dossierNo}` } : {}),
    };
    // Unmapped conditions: someone else moved the state first, a conflict the caller retries.
    const unit = new UnitOfWork(this.tableName).put(
      'state',
      item,
      previous
        ? { condition: '#revision = :revision', names: { '#revision': 'revision' }, values: { ':revision': previous.revision } }
        : { condition: 'attribute_not_exists(pk)' },
    );
    const counter = firstAccepted(previous, next) ? counterUpdate(next.agencyCode, next.submittedAt, { nationalPortalSynced: 1 }) : undefined;
    if (counter) unit.update('kpi', counter.key, { update: counter.update, names: counter.names, values: counter.values });
    await unit.commit(this.client);
  }

  async listByStatus(status: 'pending' | 'failed', limit: number): Promise<SyncState[]> {
    const items = await queryAll(
      this.client,
      { TableName: this.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': NationalPortalKeys.index(status) }, Limit: 100 },
      limit,
    );
    return items.map(({ pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, ...state }) => state as unknown as SyncState);
  }

  /** One item per push attempt, keyed by its first exchange's time; a plain put (a new key, not a state change). */
  async recordPush(dossierNo: string, exchanges: readonly PortalExchange[]): Promise<void> {
    const at = exchanges[0]?.at;
    if (!at) return;
    const ttl = Math.floor(Date.parse(at) / 1000) + AUDIT_TTL_SECONDS;
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...NationalPortalKeys.audit(dossierNo, at), dossierNo, at, exchanges, ttl } }));
  }
}
