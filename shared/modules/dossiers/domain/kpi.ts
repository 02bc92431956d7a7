import { vietnamDate } from '../../../platform/kernel/time';

/** The counters a city is measured on, per agency and month of submission. */
export const KPI_COUNTERS = [
  'dossiers',
  'submittedOnline',
  'withFees',
  'paidOnline',
  'postalReturnChosen',
  'delivered',
  'level4Completed',
] as const;
export type KpiCounter = (typeof KPI_COUNTERS)[number];
export type KpiIncrements = Partial<Record<KpiCounter, number>>;

/**
 * Counters belong to the month the dossier was submitted (Viet Nam calendar), so each rate compares
 * a month's dossiers with what happened to those same dossiers.
 */
export function kpiMonth(submittedAt: string): string {
  return vietnamDate(new Date(submittedAt)).slice(0, 7);
}

export type KpiCounts = Record<KpiCounter, number>;

export interface KpiRates {
  readonly onlineSubmissionRate: number | null;
  readonly onlinePaymentRate: number | null;
  readonly postalReturnRate: number | null;
  readonly level4Rate: number | null;
}

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

/** Rates as fractions with 4 decimals; null when the month has nothing to divide by. */
export function kpiRates(counts: KpiCounts): KpiRates {
  return {
    onlineSubmissionRate: rate(counts.submittedOnline, counts.dossiers),
    onlinePaymentRate: rate(counts.paidOnline, counts.withFees),
    postalReturnRate: rate(counts.postalReturnChosen, counts.dossiers),
    level4Rate: rate(counts.level4Completed, counts.dossiers),
  };
}
