import { vietnamDate } from '../../../platform/kernel/time';

/**
 * The counters a city is measured on, per agency and day of submission (Viet Nam calendar). Every
 * counter belongs to the dossier's submission day, so each rate compares one cohort of dossiers with
 * what later happened to those same dossiers.
 */
export const KPI_COUNTERS = [
  'dossiers',
  'submittedOnline',
  'withFees',
  'paidOnline',
  'postalReturnChosen',
  'delivered',
  'resultsReturned',
  'electronicResults',
  /** Seconds from submission to the result reaching the citizen, summed over resultsReturned. */
  'resultSecondsTotal',
  'level4Completed',
  /** Written by the national-portal sync when a dossier is first accepted there; 0 until then. */
  'nationalPortalSynced',
] as const;
export type KpiCounter = (typeof KPI_COUNTERS)[number];
export type KpiCounts = Record<KpiCounter, number>;
export type KpiIncrements = Partial<Record<KpiCounter, number>>;

export const emptyCounts = (): KpiCounts => Object.fromEntries(KPI_COUNTERS.map((k) => [k, 0])) as KpiCounts;

/** The sum of counts, counter by counter (a rollup is only ever a sum). */
export function addCounts(...all: readonly Partial<KpiCounts>[]): KpiCounts {
  const total = emptyCounts();
  for (const counts of all) for (const k of KPI_COUNTERS) total[k] += counts[k] ?? 0;
  return total;
}

/** The Viet Nam calendar day a dossier submitted at this instant counts in. */
export function counterDay(submittedAt: string): string {
  return vietnamDate(new Date(submittedAt));
}

/** Counts as a fixed-order row (compact storage of many agencies in one item) and back. */
export const countsToRow = (counts: KpiCounts): number[] => KPI_COUNTERS.map((k) => counts[k]);
export function countsFromRow(row: readonly number[], names: readonly string[] = KPI_COUNTERS): KpiCounts {
  const counts = emptyCounts();
  names.forEach((name, i) => {
    if ((KPI_COUNTERS as readonly string[]).includes(name)) counts[name as KpiCounter] = Number(row[i] ?? 0);
  });
  return counts;
}
