import type { KpiCounts } from './domain/counters';
import type { PeriodKind } from './domain/periods';
import type { AgencyCounts, AgencyLevel } from './domain/rollup';
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

/** A trend point of a rollup: the sum of one level's agencies for one day or month. */
export interface SeriesPoint {
  readonly bucket: string;
  readonly level: AgencyLevel;
  readonly counts: KpiCounts;
}

/** Every agency's counts over one period, and the trend by level, in one item: a city report is one read. */
export interface Rollup {
  readonly kind: PeriodKind;
  readonly id: string;
  readonly agencies: readonly AgencyCounts[];
  readonly series: readonly SeriesPoint[];
  readonly computedAt: string;
}

export interface RollupStore {
  getRollup(kind: PeriodKind, id: string): Promise<Rollup | undefined>;
  putRollups(rollups: readonly Rollup[]): Promise<void>;
}

export interface AgencyTargets {
  readonly targets: Targets;
  readonly updatedAt: string;
}

/** Targets (chỉ tiêu) of one year for every agency in one item, so a city report reads them at once. */
export interface TargetStore {
  targetsOf(year: string): Promise<Readonly<Record<string, AgencyTargets>>>;
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
}

export type KpiStore = KpiCounterReader & RollupStore & TargetStore;
