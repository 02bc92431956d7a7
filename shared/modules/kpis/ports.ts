import type { KpiCounts } from './domain/counters';
import type { PeriodKind } from './domain/periods';
import type { AgencyEntry, PeriodRollup, RankedAgencyCounts, RollupHeader } from './domain/period-rollup';
import type { AgencyLevel, RankingScope } from './domain/rollup';
import type { Targets } from './domain/targets';

/** One agency's counters for one Viet Nam day of submission. */
export interface DayCounts {
  readonly agencyCode: string;
  readonly day: string;
  readonly counts: KpiCounts;
}

/** The per-(agency, day) counters the dossier consumer adds to, one item per applied event. */
export interface KpiCounterReader {
  /** One agency's days between two days inclusive: one query per calendar month touched. */
  agencyDays(agencyCode: string, firstDay: string, lastDay: string): Promise<readonly DayCounts[]>;
  /** Every agency's days of one month: what the rollup job sums (off the request path). */
  monthDays(month: string): Promise<readonly DayCounts[]>;
}

/**
 * Rollups on the table: per period a header of constant size (the city's and each level's counts
 * and targets, the trend) and each scope's ranking in pages, so that a city report reads the header
 * and the one page it shows, however many agencies the city has.
 */
export interface RollupStore {
  rollupHeader(kind: PeriodKind, id: string): Promise<RollupHeader | undefined>;
  /**
   * Agencies [offset, offset + limit) of a stored ranking, in its order. Rows past the header's
   * `rankingSizes` may be left from an earlier run with more agencies: callers cut them off.
   */
  rankingRows(kind: PeriodKind, id: string, scope: RankingScope, offset: number, limit: number): Promise<readonly RankedAgencyCounts[]>;
  /** Each rollup replaces the stored one unless a run that started later already wrote it. */
  putRollups(rollups: readonly PeriodRollup[]): Promise<void>;
}

export interface AgencyTargets {
  readonly targets: Targets;
  readonly updatedAt: string;
}

/** Targets (chỉ tiêu), one item per agency and year: a report reads those of the agencies it shows. */
export interface TargetStore {
  /** The targets of these agencies (absent: none set). */
  targetsOf(year: string, agencyCodes: readonly string[]): Promise<Readonly<Record<string, AgencyTargets>>>;
  /** Every agency's targets of the year: the rollup and the full CSV. */
  allTargetsOf(year: string): Promise<Readonly<Record<string, AgencyTargets>>>;
  /** Replaces one agency's targets for the year, leaving the others as they are. */
  setTargets(year: string, agencyCode: string, targets: AgencyTargets): Promise<void>;
}

export interface AgencyProfile {
  readonly name?: string;
  readonly level: AgencyLevel;
}

/** Names and levels of agencies, from the catalogue. */
export interface AgencyDirectory {
  profile(agencyCode: string): Promise<AgencyProfile | undefined>;
  /** Every agency of the catalogue: each is ranked, with or without dossiers (read by the rollup, and by a report of a period not rolled up yet). */
  agencies(): Promise<readonly AgencyEntry[]>;
}

export type KpiStore = KpiCounterReader & RollupStore & TargetStore;
