import { addCounts, emptyCounts, type KpiCounts } from './counters';
import { weightedTargets } from './report';
import { AGENCY_LEVELS, rank, RANKING_SCOPES, STORED_RANK_BY, type AgencyCounts, type AgencyLevel, type RankingScope } from './rollup';
import type { Targets } from './targets';

/** An agency as the catalogue lists it: every one is ranked, the ones with no dossiers included. */
export interface AgencyEntry {
  readonly agencyCode: string;
  readonly level: AgencyLevel;
  readonly name?: string;
}

/** One agency's counts in one trend bucket (a day, or a month of a quarter or year). */
export interface BucketCounts {
  readonly agencyCode: string;
  readonly bucket: string;
  readonly counts: KpiCounts;
}

/** A trend point of a rollup: the sum of one level's agencies for one bucket. */
export interface SeriesPoint {
  readonly bucket: string;
  readonly level: AgencyLevel;
  readonly counts: KpiCounts;
}

/** A group's counts and its target: its agencies' targets weighted by their volumes of the period. */
export interface GroupTotals {
  readonly counts: KpiCounts;
  readonly targets: Targets;
}

/** An agency's place in a stored ranking: 1 for the best; null when it has nothing to divide by. */
export interface RankedAgencyCounts extends AgencyCounts {
  readonly rank: number | null;
}

/** What a city-wide report reads first, whose size does not depend on the number of agencies. */
export interface RollupHeader {
  readonly kind: string;
  readonly id: string;
  readonly city: GroupTotals;
  readonly levels: Readonly<Record<AgencyLevel, GroupTotals>>;
  readonly series: readonly SeriesPoint[];
  /** How many agencies each ranking holds. */
  readonly rankingSizes: Readonly<Record<RankingScope, number>>;
  readonly computedAt: string;
}

/** A period rolled up: the header, and every scope's agencies in the order of {@link STORED_RANK_BY}. */
export interface PeriodRollup extends RollupHeader {
  readonly rankings: Readonly<Record<RankingScope, readonly RankedAgencyCounts[]>>;
}

export interface PeriodRollupInput {
  readonly kind: string;
  readonly id: string;
  readonly computedAt: string;
  /** The trend's buckets in order: each gets a point per level, zero when nothing fell in it. */
  readonly buckets: readonly string[];
  readonly rows: readonly BucketCounts[];
  /** The catalogue's agencies; an agency counted but no longer listed is kept as a department. */
  readonly agencies: readonly AgencyEntry[];
  /** The year's targets by agency, weighed into each group's target. */
  readonly targets: Readonly<Record<string, Targets | undefined>>;
}

const inScope = (scope: RankingScope) => (row: AgencyCounts) => scope === 'city' || row.level === scope;

/**
 * Sums a period's counts by agency, level and bucket, and ranks every agency of the catalogue (an
 * agency without dossiers has zero counts and, with nothing to divide by, no rank). The city is
 * nothing but the sum of its agencies; each level the sum of its own.
 */
export function buildPeriodRollup(input: PeriodRollupInput): PeriodRollup {
  const byCode = new Map<string, AgencyEntry>(input.agencies.map((a) => [a.agencyCode, a]));
  const totals = new Map<string, KpiCounts>();
  for (const a of input.agencies) totals.set(a.agencyCode, emptyCounts());
  const buckets = new Map<string, KpiCounts>();
  const levelOf = (code: string): AgencyLevel => byCode.get(code)?.level ?? 'department';
  for (const row of input.rows) {
    totals.set(row.agencyCode, addCounts(totals.get(row.agencyCode) ?? {}, row.counts));
    const key = `${row.bucket}#${levelOf(row.agencyCode)}`;
    buckets.set(key, addCounts(buckets.get(key) ?? {}, row.counts));
  }
  const agencies: AgencyCounts[] = [...totals].map(([agencyCode, counts]) => {
    const name = byCode.get(agencyCode)?.name;
    return { agencyCode, level: levelOf(agencyCode), ...(name ? { name } : {}), counts };
  });
  const group = (rows: readonly AgencyCounts[]): GroupTotals => ({
    counts: addCounts(...rows.map((r) => r.counts)),
    targets: weightedTargets(rows.map((r) => ({ counts: r.counts, targets: input.targets[r.agencyCode] }))),
  });
  const rankings = Object.fromEntries(
    RANKING_SCOPES.map((scope) => [scope, rank(agencies.filter(inScope(scope)), STORED_RANK_BY).map(({ rate: _rate, ...row }) => row)]),
  ) as Record<RankingScope, RankedAgencyCounts[]>;
  return {
    kind: input.kind,
    id: input.id,
    city: group(agencies),
    levels: Object.fromEntries(AGENCY_LEVELS.map((level) => [level, group(agencies.filter((a) => a.level === level))])) as Record<AgencyLevel, GroupTotals>,
    series: input.buckets.flatMap((bucket) => AGENCY_LEVELS.map((level) => ({ bucket, level, counts: buckets.get(`${bucket}#${level}`) ?? emptyCounts() }))),
    rankingSizes: Object.fromEntries(RANKING_SCOPES.map((scope) => [scope, rankings[scope].length])) as Record<RankingScope, number>,
    rankings,
    computedAt: input.computedAt,
  };
}
