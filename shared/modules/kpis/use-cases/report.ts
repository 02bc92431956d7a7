import { ForbiddenError, InvalidInputError } from '../../../platform/kernel/errors';
import type { Principal } from '../../../platform/http/principal';
import { addCounts, type KpiCounts } from '../domain/counters';
import { parsePeriod, trendBuckets, trendGranularity, type Period, type PeriodKind } from '../domain/periods';
import { averageDaysToResult, type KpiRateKey } from '../domain/rates';
import { kpiLines, trend, type KpiLine, type TrendPoint } from '../domain/report';
import { AGENCY_LEVELS, rank, STORED_RANK_BY, type AgencyLevel, type RankingScope } from '../domain/rollup';
import type { AgencyDirectory, KpiCounterReader, RollupStore, TargetStore } from '../ports';
import { readRollup } from './read-rollup';
import { targetYearOf } from './rollup';

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
  /**
   * When the city's figures were rolled up (they lag the counters by up to one schedule interval);
   * null: no run had rolled the period up yet, so they were computed from the counters just now.
   */
  readonly computedAt?: string | null;
}

const figures = (counts: KpiCounts, targets: Parameters<typeof kpiLines>[1]): GroupFigures => ({
  counts,
  kpis: kpiLines(counts, targets),
  averageDaysToResult: averageDaysToResult(counts),
});

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
    deps.store.targetsOf(targetYearOf(period), [agencyCode]),
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

/**
 * The city or one level. Ranked by the stored order (the default), it reads the rollup's header, the
 * one page of the ranking it shows and that page's targets: a constant number of small reads however
 * many agencies. Ranked by another rate, or whole (the CSV), it reads the scope's whole ranking.
 * A group's target is its agencies' targets weighted by volume as of the rollup; an agency's is read fresh.
 */
async function cityReport(
  deps: KpiReportDeps,
  period: Period,
  level: AgencyLevel | undefined,
  rankBy: KpiRateKey,
  page: KpiReportQuery['rankPage'],
): Promise<KpiReportView> {
  const scope: RankingScope = level ?? 'city';
  const stored = rankBy === STORED_RANK_BY;
  const { header, rows, live } = await readRollup(deps, period, scope, stored ? page : undefined);
  const total = header.rankingSizes[scope];
  const offset = page?.offset ?? 0;
  const limit = page?.limit ?? total;
  const shown = stored ? rows : rank(rows, rankBy).slice(offset, offset + limit);
  const year = targetYearOf(period);
  const targets = page ? await deps.store.targetsOf(year, shown.map((r) => r.agencyCode)) : await deps.store.allTargetsOf(year);
  const group = level ? header.levels[level] : header.city;
  return {
    scope: level ? 'level' : 'city',
    ...(level ? { level } : {}),
    period,
    ...figures(group.counts, group.targets),
    trendGranularity: trendGranularity(period.kind),
    trend: trend(header.series.filter((p) => level === undefined || p.level === level), trendBuckets(period)),
    levels: AGENCY_LEVELS.filter((l) => level === undefined || l === level).map((l) => ({ level: l, ...figures(header.levels[l].counts, header.levels[l].targets) })),
    rankBy,
    ranking: shown.map((r) => ({
      rank: r.rank,
      agencyCode: r.agencyCode,
      ...(r.name ? { name: r.name } : {}),
      level: r.level,
      ...figures(r.counts, targets[r.agencyCode]?.targets),
    })),
    rankingPage: { offset, limit, total, nextOffset: offset + limit < total ? offset + limit : null },
    computedAt: live ? null : header.computedAt,
  };
}

export async function kpiReport(deps: KpiReportDeps, principal: Principal, query: KpiReportQuery): Promise<KpiReportView> {
  authorizeReport(principal, query);
  if (query.agencyCode !== undefined && query.level !== undefined) {
    throw new InvalidInputError('Give an agency or a level, not both', { details: [{ path: 'level', message: 'not with agencyCode' }] });
  }
  const period = parsePeriod(query.period.kind, query.period.id);
  if (query.agencyCode !== undefined) return agencyReport(deps, query.agencyCode, period);
  return cityReport(deps, period, query.level, query.rankBy ?? STORED_RANK_BY, query.rankPage);
}
