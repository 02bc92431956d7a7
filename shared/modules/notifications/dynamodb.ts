import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { expiresAfter, recordOf } from '../../platform/dynamodb/item';
import { UnitOfWork, type UpdateOptions } from '../../platform/dynamodb/unit-of-work';
import type { Notice } from './domain/notice';
import type { NotificationPreferences, NotificationStore, ZaloTokens, ZaloTokenStore } from './ports';
import { queryAll } from '../../platform/dynamodb/query-all';

/** Notices are kept a year after their last change (the ledger answers "were they told?"). */
const NOTICE_TTL_SECONDS = 366 * 24 * 60 * 60;

const Keys = {
  notice: (id: string) => ({ pk: `NOTICE#${id}`, sk: 'NOTICE' }),
  byDossier: (no: string) => `DOSSIER_NOTICES#${no}`,
  preferences: (citizenId: string) => ({ pk: `CITIZEN#${citizenId}`, sk: 'NOTIFICATION_PREFERENCES' }),
  zaloTokens: { pk: 'ZALO#OA', sk: 'TOKENS' },
} as const;

function noticeItem(n: Notice) {
  const ttl = expiresAfter(n.updatedAt, NOTICE_TTL_SECONDS);
  return { ...Keys.notice(n.notificationId), gsi1pk: Keys.byDossier(n.dossierNo), gsi1sk: `${n.createdAt}#${n.notificationId}`, ttl, ...n };
}

export class DynamoNotificationStore implements NotificationStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  create(notice: Notice): Promise<boolean> {
    return new UnitOfWork(this.tableName).put('notice', noticeItem(notice), { condition: 'attribute_not_exists(pk)' }).commitUnlessRefused(this.client);
  }

  async get(notificationId: string): Promise<Notice | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: Keys.notice(notificationId), ConsistentRead: true }));
    return Item ? recordOf<Notice>(Item) : undefined;
  }

  async save(next: Notice): Promise<void> {
    // Without onConditionFailed a moved version is a RetryableWriteConflict: read again and decide again.
    await new UnitOfWork(this.tableName)
      .put('notice', noticeItem(next), { condition: '#v = :expected', names: { '#v': 'version' }, values: { ':expected': next.version - 1 } })
      .commit(this.client);
  }

  async listByDossier(dossierNo: string): Promise<Notice[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': Keys.byDossier(dossierNo) },
    });
    return items.map((item) => recordOf<Notice>(item));
  }

  async preferences(citizenId: string): Promise<NotificationPreferences> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: Keys.preferences(citizenId), ConsistentRead: true }));
    return Item ? { optedOut: (Item.optedOut as NotificationPreferences['optedOut']) ?? [], updatedAt: Item.updatedAt as string } : { optedOut: [] };
  }

  async savePreferences(citizenId: string, preferences: NotificationPreferences): Promise<void> {
    // The whole choice is replaced at once: last writer wins, as a settings page expects.
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...Keys.preferences(citizenId), ...preferences } }));
  }
}

/** The OA's token pair in the table (encrypted at rest), one row with a refresh lease. */
export class DynamoZaloTokenStore implements ZaloTokenStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async read(): Promise<ZaloTokens | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: Keys.zaloTokens, ConsistentRead: true }));
    if (!Item || typeof Item.accessToken !== 'string') return undefined;
    const { accessToken, refreshToken, accessExpiresAt, refreshIssuedAt, version } = Item as unknown as ZaloTokens;
    return { accessToken, refreshToken, accessExpiresAt, refreshIssuedAt, version };
  }

  async takeLease(holder: string, until: Date, now: Date, version: number): Promise<boolean> {
    return this.conditional('lease', {
      update: 'SET leaseHolder = :h, leaseUntil = :u',
      condition: '(attribute_not_exists(leaseUntil) OR leaseUntil < :now) AND (attribute_not_exists(#v) OR #v = :v)',
      names: { '#v': 'version' },
      values: { ':h': holder, ':u': until.toISOString(), ':now': now.toISOString(), ':v': version },
    });
  }

  async saveRefreshed(_holder: string, tokens: ZaloTokens): Promise<boolean> {
    // Both tokens in one write, on the version the refresh started from: the refresh token is
    // single-use, so only one refresh of that version can succeed and its pair must not be lost even
    // if our lease ran out meanwhile. An error reply never reaches here.
    return this.conditional('tokens', {
      update: 'SET accessToken = :a, refreshToken = :r, accessExpiresAt = :e, refreshIssuedAt = :i, #v = :v REMOVE leaseHolder, leaseUntil',
      condition: tokens.version === 1 ? 'attribute_not_exists(#v) OR #v = :prev' : '#v = :prev',
      names: { '#v': 'version' },
      values: { ':a': tokens.accessToken, ':r': tokens.refreshToken, ':e': tokens.accessExpiresAt, ':i': tokens.refreshIssuedAt, ':v': tokens.version, ':prev': tokens.version - 1 },
    });
  }

  async releaseLease(holder: string): Promise<void> {
    await this.conditional('lease', { update: 'REMOVE leaseHolder, leaseUntil', condition: 'leaseHolder = :h', values: { ':h': holder } });
  }

  /** true when written, false when its condition refused it (someone else holds or moved the row). */
  private conditional(name: string, options: UpdateOptions): Promise<boolean> {
    return new UnitOfWork(this.tableName).update(name, Keys.zaloTokens, options).commitUnlessRefused(this.client);
  }
}
