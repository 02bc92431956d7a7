import { vietnamDate, type Clock } from '../../../platform/kernel/time';
import { buildPeriodRollup, type AgencyEntry, type BucketCounts, type PeriodRollup } from '../domain/period-rollup';
import { addDays, daysOf, isoWeekOf, monthsOf, parsePeriod, periodsContaining, trendBuckets, trendGranularity, type Period, type PeriodKind } from '../domain/periods';
import type { Targets } from '../domain/targets';
import type { AgencyDirectory, DayCounts, KpiCounterReader, RollupStore, TargetStore } from '../ports';

export interface RollupDeps {
  readonly store: KpiCounterReader & RollupStore & Pick<TargetStore, 'allTargetsOf'>;
  readonly directory: AgencyDirectory;
  readonly clock: Clock;
  /**
   * Months recomputed each run, the current one included (KPI_ROLLUP_MONTHS [3]): a cohort's counters
   * keep moving while its dossiers are processed, paid and returned, which takes weeks, not months.
   */
  readonly windowMonths: number;
}

export interface RollupResult {
  readonly rollups: number;
  readonly agencies: number;
  readonly days: number;
}

/** Targets are set per calendar year; an ISO week belongs to the year in its id. */
export const targetYearOf = (period: Pick<Period, 'id'>): string => period.id.slice(0, 4);

function monthsBack(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
    return date.toISOString().slice(0, 7);
  });
}

/** Each year's targets read once per run, as plain rates by agency. */
function targetsByYear(store: Pick<TargetStore, 'allTargetsOf'>): (year: string) => Promise<Readonly<Record<string, Targets>>> {
  const years = new Map<string, Promise<Record<string, Targets>>>();
  return (year) => {
    let loaded = years.get(year);
    if (!loaded) {
      loaded = store.allTargetsOf(year).then((all) => Object.fromEntries(Object.entries(all).map(([code, t]) => [code, t.targets])));
      years.set(year, loaded);
    }
    return loaded;
  };
}

/** The days of a period as trend rows: by day, or by month for a quarter or a year. */
function bucketRows(period: Period, days: readonly DayCounts[]): BucketCounts[] {
  const byMonth = trendGranularity(period.kind) === 'month';
  return days
    .filter((d) => d.day >= period.firstDay && d.day <= period.lastDay)
    .map((d) => ({ agencyCode: d.agencyCode, bucket: byMonth ? d.day.slice(0, 7) : d.day, counts: d.counts }));
}

export interface LiveRollupDeps {
  readonly store: KpiCounterReader & Pick<TargetStore, 'allTargetsOf'>;
  readonly directory: AgencyDirectory;
}

/**
 * One period rolled up straight from its day counters, as the scheduled job would: what a report
 * answers for a period no run has rolled up yet (a fresh system, a day that has just begun, a
 * period before the job existed). It reads every agency's days of the period, so it is not flat:
 * it only stands in until the next run writes the rollup.
 */
export async function rollUpPeriodFromCounters(deps: LiveRollupDeps, period: Period, computedAt: string): Promise<PeriodRollup> {
  const [days, agencies, targets] = await Promise.all([
    Promise.all(monthsOf(period).map((m) => deps.store.monthDays(m))).then((months) => months.flat()),
    deps.directory.agencies(),
    targetsByYear(deps.store)(targetYearOf(period)),
  ]);
  return buildPeriodRollup({ kind: period.kind, id: period.id, computedAt, buckets: trendBuckets(period), rows: bucketRows(period, days), agencies, targets });
}

/**
 * Rolls the per-(agency, day) counters up into every period (day, week, month, quarter, year) the
 * recent months touch: per period a small header (city, levels, trend) and the rankings in pages,
 * so that a city-wide report reads a constant number of small items however many agencies there
 * are. Every agency of the catalogue is ranked, those with no dossiers included. Off the request
 * path (scheduled); reads each window month once and the stored month rollups for the rest of a
 * quarter or year. Idempotent: a run recomputes from the counters and replaces what an earlier run wrote.
 */
export async function rollUpKpis(deps: RollupDeps): Promise<RollupResult> {
  const now = deps.clock.now();
  const computedAt = now.toISOString();
  const today = vietnamDate(now);
  const window = monthsBack(today.slice(0, 7), deps.windowMonths);
  const [days, agencies] = await Promise.all([
    Promise.all(window.map((m) => deps.store.monthDays(m))).then((months) => months.flat()),
    deps.directory.agencies(),
  ]);
  const targetsOf = targetsByYear(deps.store);
  const build = async (period: Period, rows: readonly BucketCounts[], entries: readonly AgencyEntry[] = agencies) =>
    buildPeriodRollup({ kind: period.kind, id: period.id, computedAt, buckets: trendBuckets(period), rows, agencies: entries, targets: await targetsOf(targetYearOf(period)) });
  const fromDays = (period: Period) => build(period, bucketRows(period, days));

  const firstDay = `${window[0]}-01`;
  const rollups: PeriodRollup[] = [];
  for (let day = firstDay; day <= today; day = addDays(day, 1)) rollups.push(await fromDays(parsePeriod('day', day)));
  // Whole weeks only: a week that began before the window was written by the runs that held it.
  for (const week of new Set(daysOf({ firstDay, lastDay: today }).map(isoWeekOf))) {
    const period = parsePeriod('week', week);
    if (period.firstDay >= firstDay) rollups.push(await fromDays(period));
  }
  const months = new Map<string, PeriodRollup>();
  for (const m of window) months.set(m, await fromDays(parsePeriod('month', m)));
  rollups.push(...months.values());

  const wider = new Map<string, Period>();
  for (const m of window) {
    const containing = periodsContaining(`${m}-01`);
    for (const kind of ['quarter', 'year'] as const satisfies readonly PeriodKind[]) wider.set(`${kind}#${containing[kind]}`, parsePeriod(kind, containing[kind]));
  }
  for (const period of wider.values()) {
    const parts = await Promise.all(monthsOf(period).map(async (m) => ({ month: m, agencies: months.get(m)?.rankings.city ?? (await storedMonthAgencies(deps.store, m)) })));
    const rows = parts.flatMap((p) => p.agencies.map((a) => ({ agencyCode: a.agencyCode, bucket: p.month, counts: a.counts })));
    // An agency a stored month counted but the catalogue no longer lists keeps the level it had then.
    const entries = new Map<string, AgencyEntry>(agencies.map((a) => [a.agencyCode, a]));
    for (const { agencyCode, level, name } of parts.flatMap((p) => p.agencies)) {
      if (!entries.has(agencyCode)) entries.set(agencyCode, { agencyCode, level, ...(name ? { name } : {}) });
    }
    rollups.push(await build(period, rows, [...entries.values()]));
  }
  await deps.store.putRollups(rollups);
  return { rollups: rollups.length, agencies: months.get(window.at(-1)!)?.rankingSizes.city ?? agencies.length, days: days.length };
}

/** A month outside the window, as an earlier run stored it (none: nothing to add). */
async function storedMonthAgencies(store: RollupStore, month: string) {
  const header = await store.rollupHeader('month', month);
  return header ? store.rankingRows('month', month, 'city', 0, header.rankingSizes.city) : [];
}
