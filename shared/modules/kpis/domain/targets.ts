import type { KpiRateKey } from './rates';

/** The rates a target (chỉ tiêu) may be set for, each a fraction between 0 and 1. */
export const TARGET_KEYS = ['onlineReceipt', 'paidOnline', 'postalReturn', 'electronicResult', 'level4', 'synced'] as const satisfies readonly KpiRateKey[];
export type TargetKey = (typeof TARGET_KEYS)[number];
export type Targets = Partial<Record<TargetKey, number>>;

/** Actual minus target, 4 decimals; null when either is missing (negative: behind target). */
export function gap(actual: number | null, target: number | undefined): number | null {
  if (actual === null || target === undefined) return null;
  return Math.round((actual - target) * 10_000) / 10_000;
}

export interface AgencyVolume {
  readonly agencyCode: string;
  /** Dossiers received in the reference period (e.g. the previous year). */
  readonly dossiers: number;
  /** The rate the agency reached in that period; null/absent counts as 0. */
  readonly actual?: number | null;
}

export interface ProposedTarget {
  readonly agencyCode: string;
  /** The agency's share of the city's dossiers, 4 decimals. */
  readonly share: number;
  readonly actual: number;
  readonly target: number;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Proposes each agency's target so that the city-wide goal is met on the volume-weighted average
 * (Hai Phong 2023: targets assigned to 35 departments and 217 communes "weighted by their volume";
 * the exact published formula is not in our hands, so this is our reading, unverified):
 *   A = Σ dᵢ·aᵢ / Σ dᵢ (the city's weighted actual), and while A < G every agency closes the same
 *   fraction of its own headroom: tᵢ = aᵢ + (1 − aᵢ)·(G − A)/(1 − A).
 * Then Σ dᵢ·tᵢ = G·Σ dᵢ exactly, no target exceeds 1 or falls below what the agency already does,
 * and an agency with a larger share carries more of the city's gap in dossiers. Once A ≥ G each
 * agency is proposed max(aᵢ, G). The official edits the proposal before it is saved.
 */
export function proposeTargets(goal: number, agencies: readonly AgencyVolume[]): ProposedTarget[] {
  const total = agencies.reduce((sum, a) => sum + a.dossiers, 0);
  const actualOf = (a: AgencyVolume) => Math.min(1, Math.max(0, a.actual ?? 0));
  const cityActual = total === 0 ? 0 : agencies.reduce((sum, a) => sum + a.dossiers * actualOf(a), 0) / total;
  const uplift = cityActual < goal ? (goal - cityActual) / (1 - cityActual) : 0;
  return agencies.map((a) => {
    const actual = actualOf(a);
    const target = cityActual < goal ? actual + (1 - actual) * uplift : Math.max(actual, goal);
    return { agencyCode: a.agencyCode, share: total === 0 ? 0 : round4(a.dossiers / total), actual: round4(actual), target: round4(Math.min(1, target)) };
  });
}
