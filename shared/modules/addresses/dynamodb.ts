import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchWriteAll, type BulkWriter } from '../../platform/dynamodb/batch-write';
import type { Commune, Province } from './domain/administrative-units';
import type { AdministrativeUnitsDirectory, AdministrativeUnitsReader, AdministrativeUnitsWriter } from './ports';
import { queryAll } from '../../platform/dynamodb/query-all';

type Level = 'PROVINCE' | 'COMMUNE';

/**
 * One item per unit, plus one marker per list recording that it was imported (count, time): a missing
 * marker is how readers tell "no list" from "unknown code". gsi1 groups each level so an import can
 * find codes the new list dropped; communes sort by province (`31#11311`) so a province's communes
 * are one `begins_with` query.
 */
export const UnitKeys = {
  province: (code: string) => ({ pk: `UNIT#PROVINCE#${code}`, sk: 'UNIT' }),
  commune: (code: string) => ({ pk: `UNIT#COMMUNE#${code}`, sk: 'UNIT' }),
  marker: (level: Level) => ({ pk: 'UNIT#LIST', sk: level }),
  index: (level: Level) => `UNIT#${level}S`,
} as const;

const DEFAULT_CACHE_TTL_MS = 5 * 60_000;
/** Misses are cached too, so made-up codes must not grow the cache without bound. */
const CACHE_MAX_ENTRIES = 10_000;

interface Cached {
  readonly value: unknown;
  readonly expiresAt: number;
}

export class DynamoAdministrativeUnitsRepository implements AdministrativeUnitsReader, AdministrativeUnitsDirectory, AdministrativeUnitsWriter {
  /**
   * The lists change once in years, and address checks would otherwise cost a read per field per
   * request: lookups (misses too) are kept per container for `cacheTtlMs`, so an import is visible to
   * running functions within that time.
   */
  private readonly cache = new Map<string, Cached>();
  private readonly cacheTtlMs: number;
  private readonly now: () => number;
  private readonly bulkWrite: BulkWriter;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    /** `bulkWrite`: how an import writes its units (the local runtime's disk-backed first start uses transactWriteAll). */
    options: { cacheTtlMs?: number; now?: () => number; bulkWrite?: BulkWriter } = {},
  ) {
    this.cacheTtlMs = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
    this.now = options.now ?? Date.now;
    this.bulkWrite = options.bulkWrite ?? batchWriteAll;
  }

  async getProvince(code: string): Promise<Province | undefined> {
    const item = await this.get(UnitKeys.province(code));
    return item ? { code: item.code as string, name: item.name as string } : undefined;
  }

  async getCommune(code: string): Promise<Commune | undefined> {
    const item = await this.get(UnitKeys.commune(code));
    return item ? { code: item.code as string, name: item.name as string, provinceCode: item.provinceCode as string } : undefined;
  }

  async hasProvinces(): Promise<boolean> {
    return (await this.get(UnitKeys.marker('PROVINCE'))) !== undefined;
  }

  async hasCommunes(): Promise<boolean> {
    return (await this.get(UnitKeys.marker('COMMUNE'))) !== undefined;
  }

  /** When and how large the imported list is, for operator output and health checks. */
  async listInfo(level: Level): Promise<{ count: number; loadedAt: string } | undefined> {
    const item = await this.get(UnitKeys.marker(level));
    return item ? { count: item.count as number, loadedAt: item.loadedAt as string } : undefined;
  }

  /** The whole province list in code order (one query of its gsi1 partition), kept like the lookups. */
  async listProvinces(): Promise<readonly Province[] | undefined> {
    if (!(await this.hasProvinces())) return undefined;
    return this.remember('LIST|PROVINCE', async () =>
      (await this.indexQuery('PROVINCE')).map((item) => ({ code: item.code as string, name: item.name as string })),
    );
  }

  /** One province's communes in code order: a `begins_with` on the communes' `<province>#<commune>` sort key. */
  async listCommunes(provinceCode: string): Promise<readonly Commune[] | undefined> {
    if (!(await this.hasCommunes())) return undefined;
    return this.remember(`LIST|COMMUNE|${provinceCode}`, async () =>
      (await this.indexQuery('COMMUNE', `${provinceCode}#`)).map((item) => ({
        code: item.code as string,
        name: item.name as string,
        provinceCode: item.provinceCode as string,
      })),
    );
  }

  private indexQuery(level: Level, sortPrefix?: string): Promise<Record<string, unknown>[]> {
    return queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: sortPrefix ? 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)' : 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': UnitKeys.index(level), ...(sortPrefix ? { ':prefix': sortPrefix } : {}) },
      // Aliased: NAME is a DynamoDB reserved word.
      ProjectionExpression: '#code, #name, #province',
      ExpressionAttributeNames: { '#code': 'code', '#name': 'name', '#province': 'provinceCode' },
    });
  }

  private async remember<T>(cacheKey: string, load: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(cacheKey);
    if (hit && hit.expiresAt > this.now()) return hit.value as T;
    const value = await load();
    if (this.cache.size >= CACHE_MAX_ENTRIES) this.cache.clear();
    this.cache.set(cacheKey, { value, expiresAt: this.now() + this.cacheTtlMs });
    return value;
  }

  async saveProvinces(list: readonly Province[]): Promise<void> {
    await this.replaceList(
      'PROVINCE',
      list.map((p) => ({ ...UnitKeys.province(p.code), gsi1pk: UnitKeys.index('PROVINCE'), gsi1sk: p.code, code: p.code, name: p.name })),
    );
  }

  async saveCommunes(list: readonly Commune[]): Promise<void> {
    await this.replaceList(
      'COMMUNE',
      list.map((c) => ({
        ...UnitKeys.commune(c.code),
        gsi1pk: UnitKeys.index('COMMUNE'),
        gsi1sk: `${c.provinceCode}#${c.code}`,
        code: c.code,
        name: c.name,
        provinceCode: c.provinceCode,
      })),
    );
  }

  /**
   * Writes every unit, removes the units of this level the new list no longer has, then writes the
   * marker last: a failed import leaves the previous marker (or none), and running it again converges.
   */
  private async replaceList(level: Level, items: Record<string, unknown>[]): Promise<void> {
    this.cache.clear();
    const keep = new Set(items.map((item) => item.pk as string));
    await this.bulkWrite(this.client, this.tableName, items.map((Item) => ({ PutRequest: { Item } })));
    const stale = (await this.indexedKeys(level)).filter((key) => !keep.has(key.pk));
    await this.bulkWrite(this.client, this.tableName, stale.map((Key) => ({ DeleteRequest: { Key } })));
    await this.client.send(
      new PutCommand({ TableName: this.tableName, Item: { ...UnitKeys.marker(level), count: items.length, loadedAt: new Date(this.now()).toISOString() } }),
    );
    this.cache.clear();
  }

  private async indexedKeys(level: Level): Promise<{ pk: string; sk: string }[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': UnitKeys.index(level) },
      ProjectionExpression: 'pk, sk',
    });
    return items.map((item) => ({ pk: item.pk as string, sk: item.sk as string }));
  }

  private async get(key: { pk: string; sk: string }): Promise<Record<string, unknown> | undefined> {
    const cacheKey = `${key.pk}|${key.sk}`;
    const hit = this.cache.get(cacheKey);
    if (hit && hit.expiresAt > this.now()) return hit.value as Record<string, unknown> | undefined;
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key }));
    if (this.cache.size >= CACHE_MAX_ENTRIES) this.cache.clear();
    this.cache.set(cacheKey, { value: Item, expiresAt: this.now() + this.cacheTtlMs });
    return Item;
  }
}
