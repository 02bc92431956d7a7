import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { KPI_COUNTERS, countsFromRow, countsToRow, emptyCounts, type KpiCounts } from './domain/counters';
import { monthsOf, type PeriodKind } from './domain/periods';
import { AGENCY_LEVELS, type AgencyLevel } from './domain/rollup';
import { KpiKeys } from './keys';
import type { AgencyTargets, DayCounts, KpiStore, Rollup } from './ports';

type Item = Record<string, unknown>;

const countsOf = (item: Item): KpiCounts => {
  const counts = emptyCounts();
  for (const k of KPI_COUNTERS) counts[k] = Number(item[k] ?? 0);
  return counts;
};
const levelOf = (value: unknown): AgencyLevel => (AGENCY_LEVELS.includes(value as AgencyLevel) ? (value as AgencyLevel) : 'department');
/** Target attributes are named per agency on the year's item; the prefix keeps them apart from pk/sk. */
const TARGET_PREFIX = 'A#';

/**
 * KPI counters, rollups and targets on the single table. Rollups keep their agencies and trend as
 * compact JSON rows (with the counter names they were written with), so a city report of 250
 * agencies is one GetItem of ~20 KB rather than thousands of attributes to unmarshall.
 */
export class DynamoKpiStore implements KpiStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private async queryAll(values: Item, condition: string): Promise<Item[]> {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({ TableName: this.tableName, KeyConditionExpression: condition, ExpressionAttributeValues: values, ExclusiveStartKey: start }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  private static dayCounts(item: Item): DayCounts {
    const sk = String(item.sk);
    const cut = sk.lastIndexOf('#');
    return { agencyCode: sk.slice(0, cut), day: sk.slice(cut + 1), counts: countsOf(item) };
  }

  async agencyDays(agencyCode: string, firstDay: string, lastDay: string): Promise<readonly DayCounts[]> {
    const months = monthsOf({ firstDay, lastDay });
    const pages = await Promise.all(
      months.map((month) =>
        this.queryAll(
          { ':pk': KpiKeys.monthPartition(month), ':from': `${agencyCode}#${firstDay}`, ':to': `${agencyCode}#${lastDay}` },
          'pk = :pk AND sk BETWEEN :from AND :to',
        ),
      ),
    );
    return pages.flat().map(DynamoKpiStore.dayCounts);
  }

  async monthDays(month: string): Promise<readonly DayCounts[]> {
    return (await this.queryAll({ ':pk': KpiKeys.monthPartition(month) }, 'pk = :pk')).map(DynamoKpiStore.dayCounts);
  }

  async getRollup(kind: PeriodKind, id: string): Promise<Rollup | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: KpiKeys.rollup(kind, id) }));
    if (!Item) return undefined;
    const names = JSON.parse(String(Item.counters)) as string[];
    const agencies = (JSON.parse(String(Item.agencies)) as [string, string, string, ...number[]][]).map(([agencyCode, level, name, ...row]) => ({
      agencyCode,
      level: levelOf(level),
      ...(name ? { name } : {}),
      counts: countsFromRow(row, names),
    }));
    const series = (JSON.parse(String(Item.series)) as [string, string, ...number[]][]).map(([bucket, level, ...row]) => ({
      bucket,
      level: levelOf(level),
      counts: countsFromRow(row, names),
    }));
    return { kind, id, agencies, series, computedAt: String(Item.computedAt) };
  }

  /** Each rollup replaces the stored one unless a run that started later already wrote it. */
  async putRollups(rollups: readonly Rollup[]): Promise<void> {
    const queue = [...rollups];
    const worker = async () => {
      for (let rollup = queue.shift(); rollup; rollup = queue.shift()) {
        try {
          await this.client.send(
            new PutCommand({
              TableName: this.tableName,
              Item: {
                ...KpiKeys.rollup(rollup.kind, rollup.id),
                counters: JSON.stringify(KPI_COUNTERS),
                agencies: JSON.stringify(rollup.agencies.map((a) => [a.agencyCode, a.level, a.name ?? '', ...countsToRow(a.counts)])),
                series: JSON.stringify(rollup.series.map((p) => [p.bucket, p.level, ...countsToRow(p.counts)])),
                computedAt: rollup.computedAt,
              },
              ConditionExpression: 'attribute_not_exists(pk) OR computedAt <= :at',
              ExpressionAttributeValues: { ':at': rollup.computedAt },
            }),
          );
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  }

  async targetsOf(year: string): Promise<Readonly<Record<string, AgencyTargets>>> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: KpiKeys.targets(year), ConsistentRead: true }));
    return Object.fromEntries(
      Object.entries(Item ?? {})
        .filter(([name]) => name.startsWith(TARGET_PREFIX))
        .map(([name, value]) => [name.slice(TARGET_PREFIX.length), value as AgencyTargets]),
    );
  }

  /** Conditional on the stored one being older, so a delayed retry never undoes a later edit. */
  async setTargets(year: string, agencyCode: string, targets: AgencyTargets): Promise<void> {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: KpiKeys.targets(year),
          UpdateExpression: 'SET #agency = :targets',
          ConditionExpression: 'attribute_not_exists(#agency) OR #agency.updatedAt <= :at',
          ExpressionAttributeNames: { '#agency': `${TARGET_PREFIX}${agencyCode}` },
          ExpressionAttributeValues: { ':targets': targets, ':at': targets.updatedAt },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
