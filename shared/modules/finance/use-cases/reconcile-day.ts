import { createHash } from 'node:crypto';
import type { Clock } from '../../../platform/kernel/time';
import { ExceptionIds, UNASSIGNED_AGENCY, type FinanceException } from '../domain/exception';
import { differenceKey, reconcile, type ReconciliationOutcome } from '../domain/reconciliation';
import { parseSettlementFile, resultFile, type SettlementFormat } from '../settlement-file';
import type { FinanceStore } from '../ports';

export interface ReconcileDayDeps {
  readonly finance: FinanceStore;
  readonly clock: Clock;
}

export interface ReconcileDayResult {
  readonly provider: string;
  readonly day: string;
  readonly counts: ReconciliationOutcome['counts'];
  readonly matchedTotal: number;
  readonly exceptionsOpened: number;
  readonly resultFile: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reconciles a provider's day T (a Viet Nam date, the day the provider books): the file against our
 * collections booked on T. Every difference is raised in the exceptions queue under an id derived
 * from the line or entry, so importing the same file again opens nothing new and changes nothing.
 */
export async function reconcileDay(deps: ReconcileDayDeps, provider: string, day: string, fileText: string, format: SettlementFormat): Promise<ReconcileDayResult> {
  if (!DAY.test(day)) throw new RangeError(`day must be YYYY-MM-DD, not ${day}`);
  const lines = parseSettlementFile(fileText, format);
  const entries = await deps.finance.bookOfProvider(provider, day);
  const outcome = reconcile(lines, entries);
  const at = deps.clock.now().toISOString();
  let opened = 0;
  for (const row of outcome.rows) {
    if (row.result === 'matched') continue;
    const exception: FinanceException = {
      exceptionId: ExceptionIds.ofReconciliation(provider, day, differenceKey(row)),
      kind: 'reconciliation_difference', status: 'open',
      agencyCode: row.entry?.agencyCode ?? UNASSIGNED_AGENCY, provider,
      amount: row.theirAmount ?? row.ourAmount ?? 0,
      reason: `${row.result} on ${day}: ours ${row.ourAmount ?? '-'}, theirs ${row.theirAmount ?? '-'}`,
      openedAt: at, reference: row.reference,
      ...(row.entry?.paymentId ? { paymentId: row.entry.paymentId } : {}),
      ...(row.entry?.dossierNo ? { dossierNo: row.entry.dossierNo } : {}),
      ...(row.line ? { raw: row.line.raw } : {}),
      version: 0,
    };
    if (await deps.finance.openException(exception)) opened++;
  }
  const result = resultFile(provider, day, outcome, format);
  await deps.finance.saveReconciliation({
    provider, day, fileHash: createHash('sha256').update(fileText).digest('hex'), at, counts: outcome.counts, matchedTotal: outcome.matchedTotal, resultFile: result, exceptionsOpened: opened,
  });
  return { provider, day, counts: outcome.counts, matchedTotal: outcome.matchedTotal, exceptionsOpened: opened, resultFile: result };
}
