import type { KpiCounter, KpiCounts } from './counters';

/** The rates a city steers by; each is a numerator over a denominator of the same cohort. */
export const KPI_RATES = [
  'onlineReceipt',
  'withFees',
  'paidOnline',
  'postalReturn',
  'deliveredByPost',
  'electronicResult',
  'level4',
  'synced',
] as const;
export type KpiRateKey = (typeof KPI_RATES)[number];

export interface KpiRateDefinition {
  readonly numerator: KpiCounter;
  readonly denominator: KpiCounter;
  /** As officials read it on the dashboard and in the CSV. */
  readonly label: string;
}

export const KPI_RATE_DEFINITIONS: Readonly<Record<KpiRateKey, KpiRateDefinition>> = {
  onlineReceipt: { numerator: 'submittedOnline', denominator: 'dossiers', label: 'Tiếp nhận trực tuyến' },
  withFees: { numerator: 'withFees', denominator: 'dossiers', label: 'Có phí, lệ phí' },
  paidOnline: { numerator: 'paidOnline', denominator: 'withFees', label: 'Thanh toán trực tuyến (trên hồ sơ có phí)' },
  postalReturn: { numerator: 'postalReturnChosen', denominator: 'dossiers', label: 'Trả kết quả qua bưu chính' },
  deliveredByPost: { numerator: 'delivered', denominator: 'postalReturnChosen', label: 'Đã phát qua bưu chính' },
  electronicResult: { numerator: 'electronicResults', denominator: 'resultsReturned', label: 'Trả kết quả điện tử' },
  level4: { numerator: 'level4Completed', denominator: 'dossiers', label: 'Hoàn thành toàn trình' },
  synced: { numerator: 'nationalPortalSynced', denominator: 'dossiers', label: 'Đồng bộ Cổng DVC quốc gia' },
};

export interface KpiRate {
  readonly key: KpiRateKey;
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator with 4 decimals; null when there is nothing to divide by. */
  readonly rate: number | null;
}

export const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

export function kpiRates(counts: KpiCounts): KpiRate[] {
  return KPI_RATES.map((key) => {
    const { numerator, denominator } = KPI_RATE_DEFINITIONS[key];
    return { key, numerator: counts[numerator], denominator: counts[denominator], rate: ratio(counts[numerator], counts[denominator]) };
  });
}

/** Average days from submission to the result reaching the citizen, 1 decimal; null before any result. */
export function averageDaysToResult(counts: Pick<KpiCounts, 'resultSecondsTotal' | 'resultsReturned'>): number | null {
  if (counts.resultsReturned === 0) return null;
  return Math.round((counts.resultSecondsTotal / counts.resultsReturned / 86_400) * 10) / 10;
}
