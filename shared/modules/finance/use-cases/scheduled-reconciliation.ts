import { vietnamDate, type Clock } from '../../../platform/kernel/time';
import { settlementFormat } from '../settlement-file';
import type { FinanceStore } from '../ports';
import { reconcileDay, type ReconcileDayResult } from './reconcile-day';

export interface ScheduledReconciliationDeps {
  readonly finance: FinanceStore;
  readonly clock: Clock;
  /** Setting values: SETTLEMENT_FILE_URL_<PROVIDER> (with `{date}`) and SETTLEMENT_FORMAT_<PROVIDER>. */
  readonly values: Readonly<Record<string, string | undefined>>;
  readonly fetchText: (url: string) => Promise<string>;
}

/** Providers whose day file we fetch; a provider with no URL configured is reconciled by `npm run reconcile`. */
export const RECONCILED_PROVIDERS = ['vnpay', 'vietqr'] as const;

/** VNPay publishes day T's file on T+1 morning; the run waits for 06:00 Viet Nam time. */
export const RECONCILE_AT_VIETNAM_HOUR = 6;

/** Day T: yesterday in Viet Nam. */
export function previousVietnamDay(now: Date): string {
  return vietnamDate(new Date(now.getTime() - 24 * 3600_000));
}

export function vietnamHour(now: Date): number {
  return new Date(now.getTime() + 7 * 3600_000).getUTCHours();
}

/**
 * Reconciles yesterday (Viet Nam) for each provider whose file URL is configured. The schedule runs
 * hourly (the shared schedule mechanism has no time of day); only the 06:00 run acts. Re-running is
 * harmless anyway: differences are raised under ids derived from the line, so nothing opens twice.
 */
export async function reconcileYesterday(deps: ScheduledReconciliationDeps, force = false): Promise<ReconcileDayResult[]> {
  const now = deps.clock.now();
  if (!force && vietnamHour(now) !== RECONCILE_AT_VIETNAM_HOUR) return [];
  const day = previousVietnamDay(now);
  const results: ReconcileDayResult[] = [];
  for (const provider of RECONCILED_PROVIDERS) {
    const template = deps.values[`SETTLEMENT_FILE_URL_${provider.toUpperCase()}`];
    if (!template) continue;
    const text = await deps.fetchText(template.replace('{date}', day));
    results.push(await reconcileDay(deps, provider, day, text, settlementFormat(provider, deps.values)));
  }
  return results;
}

/** Fetches a settlement file over HTTPS; a refusal is an error (the run fails and its alarm fires). */
export async function fetchSettlementText(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`settlement file ${new URL(url).pathname}: HTTP ${response.status}`);
  return response.text();
}
