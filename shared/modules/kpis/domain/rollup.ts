import { addCounts, type KpiCounts } from './counters';
import { KPI_RATE_DEFINITIONS, ratio, type KpiRateKey } from './rates';

/** City departments (sở, ban, ngành) and communes/wards (xã, phường): the city's two agency levels. */
export const AGENCY_LEVELS = ['department', 'commune'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/** The rankings a period keeps: every agency of the city, and each level's agencies on their own. */
export const RANKING_SCOPES = ['city', ...AGENCY_LEVELS] as const;
export type RankingScope = (typeof RANKING_SCOPES)[number];

/**
 * The rate stored rankings are ordered by: the report's default (toàn trình), so that the default
 * city report reads one page of agencies however many there are. Ranking by another rate reads the
 * scope's whole ranking and orders it again.
 */
export const STORED_RANK_BY = 'level4' satisfies KpiRateKey;

/** One agency's counts over a period: the unit every city-wide figure is summed from. */
export interface AgencyCounts {
  readonly agencyCode: string;
  readonly level: AgencyLevel;
  /** Kept with the rollup so that a city report needs no catalogue read per agency. */
  readonly name?: string;
  readonly counts: KpiCounts;
}

/** The whole city (or one level of it): nothing but the sum of its agencies. */
export function rollUp(rows: readonly AgencyCounts[], level?: AgencyLevel): KpiCounts {
  return addCounts(...rows.filter((r) => level === undefined || r.level === level).map((r) => r.counts));
}

export type Ranked<T extends AgencyCounts = AgencyCounts> = T & {
  /** 1 for the best; agencies with nothing to divide by come last and share no rank (null). */
  readonly rank: number | null;
  readonly rate: number | null;
};

/**
 * Agencies ranked by one rate, best first. Equal rates share a rank (1, 2, 2, 4) and are listed by
 * volume, then code, so the order is stable from one reading to the next.
 */
export function rank<T extends AgencyCounts>(rows: readonly T[], by: KpiRateKey): Ranked<T>[] {
  const { numerator, denominator } = KPI_RATE_DEFINITIONS[by];
  const withRate = rows.map((r) => ({ ...r, rate: ratio(r.counts[numerator], r.counts[denominator]) }));
  withRate.sort(
    (a, b) =>
      (a.rate === null ? 1 : 0) - (b.rate === null ? 1 : 0) ||
      (b.rate ?? 0) - (a.rate ?? 0) ||
      b.counts[denominator] - a.counts[denominator] ||
      a.agencyCode.localeCompare(b.agencyCode),
  );
  let previous: number | null = null;
  let previousRank = 0;
  return withRate.map((row, i) => {
    if (row.rate === null) return { ...row, rank: null };
    const position: number = row.rate === previous ? previousRank : i + 1;
    previous = row.rate;
    previousRank = position;
    return { ...row, rank: position };
  });
}
