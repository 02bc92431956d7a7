import { ForbiddenError, InvalidInputError } from '../../../platform/kernel/errors';
import type { Principal } from '../../../platform/http/principal';
import { addCounts, type KpiCounts } from '../domain/counters';
import { parsePeriod, trendBuckets, trendGranularity, type Period, type PeriodKind } from '../domain/periods';
import { averageDaysToResult, type KpiRateKey } from '../domain/rates';
import { kpiLines, trend, weightedTargets, type KpiLine, type TrendPoint } from '../domain/report';
import { AGENCY_LEVELS, rank, rollUp, type AgencyLevel } from '../domain/rollup';
import type { AgencyDirectory, KpiCounterReader, RollupStore, TargetStore } from '../ports';

export interface KpiReportDeps {
  readonly store: KpiCounterReader & RollupStore & TargetStore;
  readonly directory: AgencyDirectory;
}

export interface KpiReportQuery {
  readonly agencyCode?: string;
  readonly level?: AgencyLevel;
  readonly period: { readonly kind: PeriodKind; readonly id: string };
  readonly rankBy?: KpiRateKey;
  /**
   * One page of the ranking (the JSON report: its size must not grow with the city's agencies);
   * absent, the whole ranking (the CSV, which is the full download).
   */
  readonly rankPage?: { readonly offset: number; readonly limit: number };
}

export interface GroupFigures {
  readonly counts: KpiCounts;
  readonly kpis: readonly KpiLine[];
  readonly averageDaysToResult: number | null;
}

export interface RankedAgency extends GroupFigures {
  readonly rank: number | null;
  readonly agencyCode: string;
  readonly name?: string;
  readonly level: AgencyLevel;
}

/** The report an API, the CSV and the dashboard all read. No personal data: counts only. */
export interface KpiReportView extends GroupFigures {
  readonly scope: 'agency' | 'city' | 'level';
  readonly agencyCode?: string;
  readonly agencyName?: string;
  readonly level?: AgencyLevel;
  readonly period: Period;
  readonly trendGranularity: 'day' | 'month';
  readonly trend: readonly TrendPoint[];
  /** City and level reports: each level's figures and the agencies ranked by `rankBy`. */
  readonly levels?: readonly ({ readonly level: AgencyLevel } & GroupFigures)[];
  readonly rankBy?: KpiRateKey;
  readonly ranking?: readonly RankedAgency[];
  /** Where `ranking` sits in the whole ranking: `total` agencies, `nextOffset` null on the last page. */
  readonly rankingPage?: { readonly offset: number; readonly limit: number; readonly total: number; readonly nextOffset: number | null };
  /** When the city's figures were rolled up (they lag the counters by up to one schedule interval). */
  readonly computedAt?: string | null;
}

const figures = (counts: KpiCounts, targets: Parameters<typeof kpiLines>[1]): GroupFigures => ({
  counts,
  kpis: kpiLines(counts, targets),
  averageDaysToResult: averageDaysToResult(counts),
});

/** Targets are set per calendar year; an ISO week belongs to the year in its id. */
const yearOf = (period: Period) => period.id.slice(0, 4);

/** An agency reads its own figures; the city role reads any agency's and the city's. */
function authorizeReport(principal: Principal, query: KpiReportQuery): void {
  if (principal.kind === 'city') return;
  if (principal.kind === 'agency' && query.agencyCode === principal.agencyCode && query.level === undefined) return;
  if (principal.kind === 'agency' && query.agencyCode === undefined) {
    throw new ForbiddenError('The city-wide report is for the city role', { details: [{ path: 'agencyCode', message: 'required for an agency: its own code' }] });
  }
  throw new ForbiddenError('An agency reads its own report only', { details: [{ path: 'agencyCode', message: 'must be the agency of the token' }] });
}

async function agencyReport(deps: KpiReportDeps, agencyCode: string, period: Period): Promise<KpiReportView> {
  const [days, targets, profile] = await Promise.all([
    deps.store.agencyDays(agencyCode, period.firstDay, period.lastDay),
    deps.store.targetsOf(yearOf(period)),
    deps.directory.profile(agencyCode),
  ]);
  const granularity = trendGranularity(period.kind);
  const points = days.map((d) => ({ bucket: granularity === 'day' ? d.day : d.day.slice(0, 7), counts: d.counts }));
  return {
    scope: 'agency',
    agencyCode,
    ...(profile?.name ? { agencyName: profile.name } : {}),
    ...(profile ? { level: profile.level } : {}),
    period,
    ...figures(addCounts(...days.map((d) => d.counts)), targets[agencyCode]?.targets),
    trendGranularity: granularity,
    trend: trend(points, trendBuckets(period)),
  };
}

/** One rollup read and one targets read, whatever the number of agencies. */
async function cityReport(
  deps: KpiReportDeps,
  period: Period,
  level: AgencyLevel | undefined,
  rankBy: KpiRateKey,
  page: KpiReportQuery['rankPage'],
): Promise<KpiReportView> {
  const [rollup, targets] = await Promise.all([deps.store.getRollup(period.kind, period.id), deps.store.targetsOf(yearOf(period))]);
  const rows = (rollup?.agencies ?? []).filter((a) => level === undefined || a.level === level);
  const withTargets = rows.map((r) => ({ ...r, targets: targets[r.agencyCode]?.targets }));
  const series = (rollup?.series ?? []).filter((p) => level === undefined || p.level === level);
  const levels = AGENCY_LEVELS.filter((l) => level === undefined || l === level).map((l) => {
    const inLevel = withTargets.filter((r) => r.level === l);
    return { level: l, ...figures(rollUp(inLevel), weightedTargets(inLevel)) };
  });
  // Ranking all is a sort of small rows; the figures (and the bytes of the answer) are built for the page only.
  const ranked = rank(withTargets, rankBy);
  const offset = page?.offset ?? 0;
  const limit = page?.limit ?? ranked.length;
  const ranking = ranked.slice(offset, offset + limit).map((r) => ({
    rank: r.rank,
    agencyCode: r.agencyCode,
    ...(r.name ? { name: r.name } : {}),
    level: r.level,
    ...figures(r.counts, r.targets),
  }));
  return {
    scope: level ? 'level' : 'city',
    ...(level ? { level } : {}),
    period,
    ...figures(rollUp(rows), weightedTargets(withTargets)),
    trendGranularity: trendGranularity(period.kind),
    trend: trend(series, trendBuckets(period)),
    levels,
    rankBy,
    ranking,
    rankingPage: { offset, limit, total: ranked.length, nextOffset: offset + limit < ranked.length ? offset + limit : null },
    computedAt: rollup?.computedAt ?? null,
  };
}

export async function kpiReport(deps: KpiReportDeps, principal: Principal, query: KpiReportQuery): Promise<KpiReportView> {
  authorizeReport(principal, query);
  if (query.agencyCode !== undefined && query.level !== undefined) {
    throw new InvalidInputError('Give an agency or a level, not both', { details: [{ path: 'level', message: 'not with agencyCode' }] });
  }
  const period = parsePeriod(query.period.kind, query.period.id);
  if (query.agencyCode !== undefined) return agencyReport(deps, query.agencyCode, period);
  return cityReport(deps, period, query.level, query.rankBy ?? 'level4', query.rankPage);
}
