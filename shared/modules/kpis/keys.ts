import { counterDay, type KpiIncrements } from './domain/counters';

/**
 * Where the KPI items live on the single table. Day counters of one month share a partition (every
 * agency), so the rollup job reads a month with one paginated query and needs no list of agencies;
 * one agency's days are a `begins_with` of that partition.
 */
export const KpiKeys = {
  day: (agencyCode: string, day: string) => ({ pk: `KPI#DAYS#${day.slice(0, 7)}`, sk: `${agencyCode}#${day}` }),
  monthPartition: (month: string) => `KPI#DAYS#${month}`,
  /** A period's rollup is one partition: its header, then each scope's ranking in pages of {@link RANKING_PAGE_ROWS}. */
  rollupPartition: (kind: string, id: string) => `KPI#ROLLUP#${kind}#${id}`,
  rollupHeader: (kind: string, id: string) => ({ pk: KpiKeys.rollupPartition(kind, id), sk: 'HEAD' }),
  rankingPage: (kind: string, id: string, scope: string, rankBy: string, page: number) => ({
    pk: KpiKeys.rollupPartition(kind, id),
    sk: `RANK#${scope}#${rankBy}#${String(page).padStart(5, '0')}`,
  }),
  /** One item per agency and year: a report reads only those of the agencies it shows. */
  targetsPartition: (year: string) => `KPI#TARGETS#${year}`,
  targets: (year: string, agencyCode: string) => ({ pk: KpiKeys.targetsPartition(year), sk: agencyCode }),
} as const;

/** Agencies per stored ranking page: the report's default page is one item (~2 KB). */
export const RANKING_PAGE_ROWS = 20;

export interface CounterUpdate {
  readonly key: { readonly pk: string; readonly sk: string };
  readonly update: string;
  readonly names: Record<string, string>;
  readonly values: Record<string, unknown>;
}

/**
 * The single counter update an applied dossier event adds to its transaction: ADD to the agency's
 * counters of the dossier's submission day. Undefined when the event counts nothing.
 */
export function counterUpdate(agencyCode: string, submittedAt: string, increments: KpiIncrements): CounterUpdate | undefined {
  const entries = Object.entries(increments).filter(([, v]) => v !== undefined && v !== 0) as [string, number][];
  if (entries.length === 0) return undefined;
  return {
    key: KpiKeys.day(agencyCode, counterDay(submittedAt)),
    update: `ADD ${entries.map((_, i) => `#c${i} :v${i}`).join(', ')}`,
    names: Object.fromEntries(entries.map(([k], i) => [`#c${i}`, k])),
    values: Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
  };
}
