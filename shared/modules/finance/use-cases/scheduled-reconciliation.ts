import { vietnamDate, type Clock } from '../../../platform/kernel/time';
import { settlementFormat } from '../settlement-file';
import type { FinanceStore, SettlementFiles } from '../ports';
import { reconcileDay, type ReconcileDayResult } from './reconcile-day';

export interface ScheduledReconciliationDeps {
  readonly finance: FinanceStore;
  readonly clock: Clock;
  /** Setting values: SETTLEMENT_FORMAT_<PROVIDER> overrides a provider's file format. */
  readonly values: Readonly<Record<string, string | undefined>>;
  readonly files: SettlementFiles;
}

/** Providers whose day-T file is reconciled. */
export const RECONCILED_PROVIDERS = ['vnpay', 'vietqr'] as const;

/** VNPay publishes day T's file on T+1 morning: nothing is looked for before 06:00 Viet Nam time. */
export const RECONCILE_FROM_VIETNAM_HOUR = 6;

/** A day-T file still missing from this hour on is an error (the run fails and the function's alarm fires). */
export const SETTLEMENT_LATE_VIETNAM_HOUR = 12;

/** Day T: yesterday in Viet Nam (GMT+7 all year, no daylight saving). */
export function previousVietnamDay(now: Date): string {
  return vietnamDate(new Date(now.getTime() - 24 * 3600_000));
}

export function vietnamHour(now: Date): number {
  return new Date(now.getTime() + 7 * 3600_000).getUTCHours();
}

export class SettlementFilesMissingError extends Error {
  constructor(readonly day: string, readonly providers: readonly string[]) {
    super(`settlement files for ${day} still missing at ${SETTLEMENT_LATE_VIETNAM_HOUR}:00 Viet Nam time: ${providers.join(', ')}`);
    this.name = 'SettlementFilesMissingError';
  }
}

export interface ScheduledRun {
  readonly day: string | undefined;
  readonly results: readonly ReconcileDayResult[];
  /** Providers whose file had not arrived (looked for again at the next run). */
  readonly missing: readonly string[];
}

/**
 * The hourly run: from 06:00 Viet Nam time it reconciles yesterday (day T) for each provider not
 * reconciled yet, so a file that arrives late is picked up by a later run of the same day. A file
 * still missing at 12:00 fails the run (its alarm fires); `force` (an operator's manual invoke)
 * reconciles day T at once, even again (harmless: differences are raised under ids derived from
 * the line, and the same file's run is kept once).
 */
export async function reconcileYesterday(deps: ScheduledReconciliationDeps, force = false): Promise<ScheduledRun> {
  const now = deps.clock.now();
  const hour = vietnamHour(now);
  if (!force && hour < RECONCILE_FROM_VIETNAM_HOUR) return { day: undefined, results: [], missing: [] };
  const day = previousVietnamDay(now);
  const results: ReconcileDayResult[] = [];
  const missing: string[] = [];
  for (const provider of RECONCILED_PROVIDERS.filter((p) => deps.files.covers(p))) {
    if (!force && (await deps.finance.reconciled(provider, day))) continue;
    const file = await deps.files.read(provider, day);
    if (!file) {
      missing.push(provider);
      continue;
    }
    results.push(await reconcileDay(deps, provider, day, file.text, settlementFormat(provider, deps.values)));
  }
  if (missing.length > 0 && hour >= SETTLEMENT_LATE_VIETNAM_HOUR) throw new SettlementFilesMissingError(day, missing);
  return { day, results, missing };
}
