import type { BookEntry } from './book';

/**
 * Daily reconciliation (đối soát) of one provider's day T: the provider's settlement lines against
 * our book entries booked on T, one-to-one by reference, then amount. Pure: the file adapter gives
 * lines, the store gives entries, and this decides.
 */
export interface SettlementLine {
  /** 1-based line number in the file (after the header), for the result file and the operator. */
  readonly line: number;
  readonly reference: string;
  readonly transactionId: string;
  readonly amount: number;
  /** When the provider says the money moved (UTC ISO). */
  readonly at: string;
  /** The line's fields as read; kept on a difference. */
  readonly raw: Readonly<Record<string, string>>;
}

export const MATCH_RESULTS = ['matched', 'amount_difference', 'missing_ours', 'missing_theirs'] as const;
export type MatchResult = (typeof MATCH_RESULTS)[number];

export interface ReconciliationRow {
  readonly result: MatchResult;
  readonly reference: string;
  readonly transactionId?: string;
  readonly ourAmount?: number;
  readonly theirAmount?: number;
  readonly entry?: BookEntry;
  readonly line?: SettlementLine;
}

export interface ReconciliationOutcome {
  readonly rows: readonly ReconciliationRow[];
  readonly matchedTotal: number;
  readonly counts: Readonly<Record<MatchResult, number>>;
}

/** A key a difference can be raised under again and again: the same line or entry is one exception. */
export function differenceKey(row: ReconciliationRow): string {
  return row.line ? `${row.line.reference}_${row.line.transactionId || row.line.line}` : `${row.reference}_${row.entry?.entryId ?? ''}`;
}

/**
 * The provider reports one line per transaction; a payment of several dossiers is booked as one
 * collection per dossier under that one transaction. Such entries (same payment, reference and
 * transaction) are matched as one, for their sum, under the first of them.
 */
function perTransaction(collections: readonly BookEntry[]): BookEntry[] {
  const merged: BookEntry[] = [];
  const at = new Map<string, number>();
  for (const e of collections) {
    const key = e.paymentId ? `${e.paymentId}#${e.reference}#${e.transactionId ?? ''}` : undefined;
    const index = key === undefined ? undefined : at.get(key);
    if (index === undefined) {
      if (key !== undefined) at.set(key, merged.length);
      merged.push(e);
    } else {
      merged[index] = { ...merged[index]!, amount: merged[index]!.amount + e.amount };
    }
  }
  return merged;
}

/**
 * One-to-one: each line takes at most one unused collection of the same reference, preferring the
 * same transaction id; then the amount decides matched or amount_difference. Lines left are money we
 * have no record of; entries left are money the provider does not report.
 */
export function reconcile(lines: readonly SettlementLine[], entries: readonly BookEntry[]): ReconciliationOutcome {
  const unused = new Map<string, BookEntry[]>();
  for (const e of perTransaction(entries.filter((x) => x.kind === 'collection'))) unused.set(e.reference, [...(unused.get(e.reference) ?? []), e]);
  const rows: ReconciliationRow[] = [];
  for (const line of lines) {
    const candidates = unused.get(line.reference) ?? [];
    const index = Math.max(0, candidates.findIndex((e) => e.transactionId !== undefined && e.transactionId === line.transactionId));
    const entry = candidates[index];
    if (!entry) {
      rows.push({ result: 'missing_ours', reference: line.reference, transactionId: line.transactionId, theirAmount: line.amount, line });
      continue;
    }
    candidates.splice(index, 1);
    const result = entry.amount === line.amount ? 'matched' : 'amount_difference';
    rows.push({ result, reference: line.reference, transactionId: line.transactionId, ourAmount: entry.amount, theirAmount: line.amount, entry, line });
  }
  for (const left of unused.values()) {
    for (const entry of left) {
      rows.push({ result: 'missing_theirs', reference: entry.reference, ...(entry.transactionId ? { transactionId: entry.transactionId } : {}), ourAmount: entry.amount, entry });
    }
  }
  const counts = { matched: 0, amount_difference: 0, missing_ours: 0, missing_theirs: 0 };
  for (const row of rows) counts[row.result]++;
  const matchedTotal = rows.filter((r) => r.result === 'matched').reduce((s, r) => s + (r.ourAmount ?? 0), 0);
  return { rows, matchedTotal, counts };
}
