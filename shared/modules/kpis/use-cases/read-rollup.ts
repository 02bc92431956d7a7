import type { RankedAgencyCounts, RollupHeader } from '../domain/period-rollup';
import type { Period } from '../domain/periods';
import type { RankingScope } from '../domain/rollup';
import type { AgencyDirectory, KpiCounterReader, RollupStore, TargetStore } from '../ports';
import { rollUpPeriodFromCounters } from './rollup';

export interface ReadRollupDeps {
  readonly store: KpiCounterReader & RollupStore & Pick<TargetStore, 'allTargetsOf'>;
  readonly directory: AgencyDirectory;
}

export interface RolledUp {
  readonly header: RollupHeader;
  /** The asked part of the scope's ranking (by STORED_RANK_BY), or all of it. */
  readonly rows: readonly RankedAgencyCounts[];
  /** Computed from the counters just now: no run had rolled the period up yet. */
  readonly live: boolean;
}

/**
 * A period's rollup as reports read it. Stored: the header and the asked rows of the ranking in
 * parallel (two small reads, whatever the number of agencies). Not stored yet (a fresh system
 * before the job's first run, a day that has just begun, a period older than any run): rolled up
 * from the counters on the spot, so that the answer is right rather than empty, until the next run.
 */
export async function readRollup(deps: ReadRollupDeps, period: Period, scope: RankingScope, part?: { readonly offset: number; readonly limit: number }): Promise<RolledUp> {
  const [header, rows] = await Promise.all([
    deps.store.rollupHeader(period.kind, period.id),
    part ? deps.store.rankingRows(period.kind, period.id, scope, part.offset, part.limit) : undefined,
  ]);
  if (!header) {
    const live = await rollUpPeriodFromCounters(deps, period, new Date(0).toISOString());
    const all = live.rankings[scope];
    return { header: live, rows: part ? all.slice(part.offset, part.offset + part.limit) : all, live: true };
  }
  const size = header.rankingSizes[scope];
  // Rows past the ranking's size are an earlier, longer run's.
  if (part && rows) return { header, rows: rows.slice(0, Math.max(0, Math.min(part.limit, size - part.offset))), live: false };
  return { header, rows: await deps.store.rankingRows(period.kind, period.id, scope, 0, size), live: false };
}
