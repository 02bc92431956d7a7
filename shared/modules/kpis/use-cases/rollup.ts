import { vietnamDate, type Clock } from '../../../platform/kernel/time';
import { addCounts, type KpiCounts } from '../domain/counters';
import { addDays, daysOf, isoWeekOf, monthsOf, parsePeriod, periodsContaining, type Period, type PeriodKind } from '../domain/periods';
import { AGENCY_LEVELS, rollUp, type AgencyCounts, type AgencyLevel } from '../domain/rollup';
import type { AgencyDirectory, AgencyProfile, DayCounts, KpiCounterReader, Rollup, RollupStore, SeriesPoint } from '../ports';

export interface RollupDeps {
  readonly store: KpiCounterReader & RollupStore;
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

function monthsBack(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
    return date.toISOString().slice(0, 7);
  });
}

const levelSeries = (bucket: string, rows: readonly AgencyCounts[]): SeriesPoint[] =>
  AGENCY_LEVELS.map((level) => ({ bucket, level, counts: rollUp(rows, level) }));

function sumByAgency(rows: readonly (Pick<AgencyCounts, 'agencyCode' | 'counts'> & Partial<AgencyCounts>)[], profiles: ReadonlyMap<string, AgencyProfile>): AgencyCounts[] {
  const totals = new Map<string, KpiCounts>();
  for (const row of rows) totals.set(row.agencyCode, addCounts(totals.get(row.agencyCode) ?? {}, row.counts));
  return [...totals].map(([agencyCode, counts]) => {
    const profile = profiles.get(agencyCode);
    const level: AgencyLevel = profile?.level ?? rows.find((r) => r.agencyCode === agencyCode)?.level ?? 'department';
    return { agencyCode, level, ...(profile?.name ? { name: profile.name } : {}), counts };
  });
}

/**
 * Rolls the per-(agency, day) counters up into one item per period (day, week, month, quarter,
 * year) holding every agency and the trend by level, so that a city-wide report is one read however
 * many agencies there are. Off the request path (scheduled); reads each window month once and the
 * stored month rollups for the rest of a quarter or year. Idempotent: a run recomputes from the
 * counters and replaces what an earlier run wrote.
 */
export async function rollUpKpis(deps: RollupDeps): Promise<RollupResult> {
  const now = deps.clock.now();
  const computedAt = now.toISOString();
  const today = vietnamDate(now);
  const window = monthsBack(today.slice(0, 7), deps.windowMonths);
  const days: DayCounts[] = (await Promise.all(window.map((m) => deps.store.monthDays(m)))).flat();
  const codes = [...new Set(days.map((d) => d.agencyCode))];
  const profiles = new Map<string, AgencyProfile>();
  for (const code of codes) {
    const profile = await deps.directory.profile(code);
    if (profile) profiles.set(code, profile);
  }
  const levelOf = (code: string): AgencyLevel => profiles.get(code)?.level ?? 'department';
  const fromDays = (period: Period): Rollup => {
    const inPeriod = days.filter((d) => d.day >= period.firstDay && d.day <= period.lastDay);
    const rows = inPeriod.map((d) => ({ agencyCode: d.agencyCode, level: levelOf(d.agencyCode), counts: d.counts }));
    const series = daysOf(period).flatMap((day) => levelSeries(day, rows.filter((_, i) => inPeriod[i]!.day === day)));
    return { kind: period.kind, id: period.id, agencies: sumByAgency(rows, profiles), series, computedAt };
  };
  const firstDay = `${window[0]}-01`;
  const rollups: Rollup[] = [];
  for (let day = firstDay; day <= today; day = addDays(day, 1)) rollups.push(fromDays(parsePeriod('day', day)));
  // Whole weeks only: a week that began before the window was written by the runs that held it.
  const weeks = new Set(daysOf({ firstDay, lastDay: today }).map(isoWeekOf));
  for (const week of weeks) {
    const period = parsePeriod('week', week);
    if (period.firstDay >= firstDay) rollups.push(fromDays(period));
  }
  const months = new Map(window.map((m) => [m, fromDays(parsePeriod('month', m))]));
  rollups.push(...months.values());
  const wider = new Map<string, Period>();
  for (const m of window) {
    const containing = periodsContaining(`${m}-01`);
    for (const kind of ['quarter', 'year'] as const satisfies readonly PeriodKind[]) wider.set(`${kind}#${containing[kind]}`, parsePeriod(kind, containing[kind]));
  }
  for (const period of wider.values()) {
    const parts = await Promise.all(monthsOf(period).map(async (m) => months.get(m) ?? (await deps.store.getRollup('month', m))));
    const present = parts.filter((p): p is Rollup => p !== undefined);
    rollups.push({
      kind: period.kind,
      id: period.id,
      agencies: sumByAgency(present.flatMap((p) => p.agencies), profiles),
      series: present.flatMap((p) => levelSeries(p.id, p.agencies)),
      computedAt,
    });
  }
  await deps.store.putRollups(rollups);
  return { rollups: rollups.length, agencies: codes.length, days: days.length };
}
