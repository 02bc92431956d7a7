import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../../platform/dynamodb/batch-get';
import { queryAll } from '../../platform/dynamodb/query-all';
import { KPI_COUNTERS, countsFromRow, countsToRow, emptyCounts, type KpiCounts } from './domain/counters';
import type { GroupTotals, PeriodRollup, RankedAgencyCounts, RollupHeader } from './domain/period-rollup';
import { monthsOf, type PeriodKind } from './domain/periods';
import { AGENCY_LEVELS, RANKING_SCOPES, STORED_RANK_BY, type AgencyLevel, type RankingScope } from './domain/rollup';
import type { Targets } from './domain/targets';
import { KpiKeys, RANKING_PAGE_ROWS } from './keys';
import type { AgencyTargets, DayCounts, KpiStore } from './ports';

type Item = Record<string, unknown>;
type Row = (string | number | null)[];

const countsOf = (item: Item): KpiCounts => {
  const counts = emptyCounts();
  for (const k of KPI_COUNTERS) counts[k] = Number(item[k] ?? 0);
  return counts;
};
const levelOf = (value: unknown): AgencyLevel => (AGENCY_LEVELS.includes(value as AgencyLevel) ? (value as AgencyLevel) : 'department');
const json = <T>(value: unknown): T => JSON.parse(String(value)) as T;
/** Stored items carry the counter names they were written with, so adding a counter needs no migration. */
const COUNTERS = JSON.stringify(KPI_COUNTERS);

/** Concurrent conditional puts of a rollup run (a run writes a few thousand small items). */
const WRITERS = 16;

function headerItem(rollup: PeriodRollup): Item {
  const group = (g: GroupTotals) => [countsToRow(g.counts), g.targets];
  return {
    ...KpiKeys.rollupHeader(rollup.kind, rollup.id),
    counters: COUNTERS,
    city: JSON.stringify(group(rollup.city)),
    levels: JSON.stringify(AGENCY_LEVELS.map((level) => [level, ...group(rollup.levels[level])])),
    series: JSON.stringify(rollup.series.map((p) => [p.bucket, p.level, ...countsToRow(p.counts)])),
    sizes: JSON.stringify(rollup.rankingSizes),
    computedAt: rollup.computedAt,
  };
}

function pageItems(rollup: PeriodRollup): Item[] {
  return RANKING_SCOPES.flatMap((scope) => {
    const rows = rollup.rankings[scope];
    return Array.from({ length: Math.ceil(rows.length / RANKING_PAGE_ROWS) }, (_, page) => ({
      ...KpiKeys.rankingPage(rollup.kind, rollup.id, scope, STORED_RANK_BY, page),
      counters: COUNTERS,
      rows: JSON.stringify(rows.slice(page * RANKING_PAGE_ROWS, (page + 1) * RANKING_PAGE_ROWS).map((a) => [a.agencyCode, a.level, a.name ?? '', a.rank, ...countsToRow(a.counts)])),
      computedAt: rollup.computedAt,
    }));
  });
}

function readHeader(kind: PeriodKind, id: string, item: Item): RollupHeader {
  const names = json<string[]>(item.counters);
  const group = ([row, targets]: [number[], Targets]): GroupTotals => ({ counts: countsFromRow(row, names), targets });
  const levels = new Map(json<[string, number[], Targets][]>(item.levels).map(([level, row, targets]) => [level, group([row, targets])]));
  const empty = { counts: emptyCounts(), targets: {} };
  return {
    kind,
    id,
    city: group(json(item.city)),
    levels: Object.fromEntries(AGENCY_LEVELS.map((level) => [level, levels.get(level) ?? empty])) as Record<AgencyLevel, GroupTotals>,
    series: json<[string, string, ...number[]][]>(item.series).map(([bucket, level, ...row]) => ({ bucket, level: levelOf(level), counts: countsFromRow(row, names) })),
    rankingSizes: { city: 0, department: 0, commune: 0, ...json<Partial<Record<RankingScope, number>>>(item.sizes) },
    computedAt: String(item.computedAt),
  };
}

function readPage(item: Item): RankedAgencyCounts[] {
  const names = json<string[]>(item.counters);
  return json<Row[]>(item.rows).map(([agencyCode, level, name, rank, ...row]) => ({
    agencyCode: String(agencyCode),
    level: levelOf(level),
    ...(name ? { name: String(name) } : {}),
    rank: rank === null ? null : Number(rank),
    counts: countsFromRow(row as number[], names),
  }));
}

/**
 * KPI counters, rollups and targets on the single table. A rollup is a header of constant size and
 * its rankings in pages of {@link RANKING_PAGE_ROWS} agencies, each a compact JSON row, so that a
 * city report of 250 agencies reads two items of a few KB, as one of 25 does.
 */
export class DynamoKpiStore implements KpiStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private static dayCounts(item: Item): DayCounts {
    const sk = String(item.sk);
    const cut = sk.lastIndexOf('#');
    return { agencyCode: sk.slice(0, cut), day: sk.slice(cut + 1), counts: countsOf(item) };
  }

  async agencyDays(agencyCode: string, firstDay: string, lastDay: string): Promise<readonly DayCounts[]> {
    const months = monthsOf({ firstDay, lastDay });
    const pages = await Promise.all(
      months.map((month) =>
        queryAll(this.client, {
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': KpiKeys.monthPartition(month), ':from': `${agencyCode}#${firstDay}`, ':to': `${agencyCode}#${lastDay}` },
        }),
      ),
    );
    return pages.flat().map(DynamoKpiStore.dayCounts);
  }

  async monthDays(month: string): Promise<readonly DayCounts[]> {
    const items = await queryAll(this.client, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': KpiKeys.monthPartition(month) } });
    return items.map(DynamoKpiStore.dayCounts);
  }

  async rollupHeader(kind: PeriodKind, id: string): Promise<RollupHeader | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: KpiKeys.rollupHeader(kind, id) }));
    return Item ? readHeader(kind, id, Item) : undefined;
  }

  async rankingRows(kind: PeriodKind, id: string, scope: RankingScope, offset: number, limit: number): Promise<readonly RankedAgencyCounts[]> {
    if (limit <= 0) return [];
    const first = Math.floor(offset / RANKING_PAGE_ROWS);
    const last = Math.floor((offset + limit - 1) / RANKING_PAGE_ROWS);
    const keys = Array.from({ length: last - first + 1 }, (_, i) => KpiKeys.rankingPage(kind, id, scope, STORED_RANK_BY, first + i));
    const items = (await batchGetAll(this.client, this.tableName, keys)).sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
    // A missing page ends the ranking: what follows it cannot be placed.
    const pages: RankedAgencyCounts[][] = [];
    for (const [i, key] of keys.entries()) {
      const item = items.find((it) => it.sk === key.sk);
      if (!item) break;
      pages[i] = readPage(item);
    }
    const start = offset - first * RANKING_PAGE_ROWS;
    return pages.flat().slice(start, start + limit);
  }

  /** Each item replaces the stored one unless a run that started later already wrote it. */
  async putRollups(rollups: readonly PeriodRollup[]): Promise<void> {
    const items = rollups.flatMap((rollup) => [headerItem(rollup), ...pageItems(rollup)]);
    const worker = async () => {
      for (let item = items.shift(); item; item = items.shift()) {
        try {
          await this.client.send(
            new PutCommand({
              TableName: this.tableName,
              Item: item,
              ConditionExpression: 'attribute_not_exists(pk) OR computedAt <= :at',
              ExpressionAttributeValues: { ':at': item.computedAt },
            }),
          );
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, worker));
  }

  async targetsOf(year: string, agencyCodes: readonly string[]): Promise<Readonly<Record<string, AgencyTargets>>> {
    const unique = [...new Set(agencyCodes)];
    // Consistent: an official who has just set a target sees it in the next report.
    const items = await batchGetAll(this.client, this.tableName, unique.map((code) => KpiKeys.targets(year, code)), { consistentRead: true });
    return Object.fromEntries(items.map((item) => [String(item.sk), { targets: item.targets as Targets, updatedAt: String(item.updatedAt) }]));
  }

  async allTargetsOf(year: string): Promise<Readonly<Record<string, AgencyTargets>>> {
    const items = await queryAll(this.client, { TableName: this.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': KpiKeys.targetsPartition(year) }, ConsistentRead: true });
    return Object.fromEntries(items.map((item) => [String(item.sk), { targets: item.targets as Targets, updatedAt: String(item.updatedAt) }]));
  }

  /** Conditional on the stored one being older, so a delayed retry never undoes a later edit. */
  async setTargets(year: string, agencyCode: string, targets: AgencyTargets): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...KpiKeys.targets(year, agencyCode), targets: targets.targets, updatedAt: targets.updatedAt },
          ConditionExpression: 'attribute_not_exists(pk) OR updatedAt <= :at',
          ExpressionAttributeValues: { ':at': targets.updatedAt },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
