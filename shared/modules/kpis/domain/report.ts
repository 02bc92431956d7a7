import { addCounts, type KpiCounts } from './counters';
import { KPI_RATES, KPI_RATE_DEFINITIONS, kpiRates, type KpiRate, type KpiRateKey } from './rates';
import { gap, TARGET_KEYS, type TargetKey, type Targets } from './targets';

/** One rate as a report shows it: the rate, its parts, the target for the year and the gap. */
export interface KpiLine extends KpiRate {
  readonly label: string;
  readonly target: number | null;
  readonly gap: number | null;
}

const isTargetKey = (key: KpiRateKey): key is TargetKey => (TARGET_KEYS as readonly string[]).includes(key);

export function kpiLines(counts: KpiCounts, targets: Targets = {}): KpiLine[] {
  return kpiRates(counts).map((r) => {
    const target = isTargetKey(r.key) ? targets[r.key] : undefined;
    return { ...r, label: KPI_RATE_DEFINITIONS[r.key].label, target: target ?? null, gap: gap(r.rate, target) };
  });
}

/**
 * The target of a group of agencies (the city, a level): their targets weighted by each agency's
 * denominator of that rate, the same weighting the proposal uses, so that a group meets its target
 * exactly when its agencies meet theirs on average. Agencies without a target are left out.
 */
export function weightedTargets(rows: readonly { readonly counts: KpiCounts; readonly targets?: Targets }[]): Targets {
  const result: Targets = {};
  for (const key of TARGET_KEYS) {
    const { denominator } = KPI_RATE_DEFINITIONS[key];
    let weight = 0;
    let sum = 0;
    for (const row of rows) {
      const target = row.targets?.[key];
      if (target === undefined) continue;
      weight += row.counts[denominator];
      sum += row.counts[denominator] * target;
    }
    if (weight > 0) result[key] = Math.round((sum / weight) * 10_000) / 10_000;
  }
  return result;
}

export interface TrendPoint {
  readonly bucket: string;
  readonly rates: Readonly<Record<KpiRateKey, number | null>>;
}

/** A point per bucket, in order, each the rates of the counts that fell in it (none: nulls). */
export function trend(points: readonly { readonly bucket: string; readonly counts: KpiCounts }[], buckets: readonly string[]): TrendPoint[] {
  return buckets.map((bucket) => {
    const counts = addCounts(...points.filter((p) => p.bucket === bucket).map((p) => p.counts));
    const rates = Object.fromEntries(kpiRates(counts).map((r) => [r.key, r.rate])) as Record<KpiRateKey, number | null>;
    return { bucket, rates };
  });
}

export { KPI_RATES };
