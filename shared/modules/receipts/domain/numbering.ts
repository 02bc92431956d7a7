import { vietnamDate } from '../../../platform/kernel/time';
import { BusinessRuleError } from '../../../platform/kernel/errors';
import type { Receipt, ReceiptDraft } from './receipt';

/** Decree 254/2026 Art. 23(2): at most 8 digits, from 1 on 1 January to 31 December. */
export const MAX_RECEIPT_NUMBER = 99_999_999;
/** VNPT's clients print 7 digits; an eighth appears only past 9,999,999 receipts in a year. */
const PRINTED_DIGITS = 7;

/** Where numbers run in sequence: one counter per (agency, template, series, year). */
export interface NumberingScope {
  readonly agencyCode: string;
  readonly template: string;
  readonly series: string;
  readonly year: number;
  /** The receipts' date (Viet Nam calendar), which chose the year. */
  readonly receiptDate: string;
}

/** An agency's registered receipt form: template symbol (01BLP0-001) and the series' two letters (AA). */
export interface ReceiptForm {
  readonly template: string;
  readonly seriesLetters: string;
}

/**
 * The scope a receipt made at `now` is numbered in. The year is Viet Nam's (UTC+7): at 17:00 UTC on
 * 31 December the next year's numbers start at 1. The series carries the year's two digits and `E`
 * for electronic (`AA-27E`), so each year's series is new as well.
 */
export function numberingScope(agencyCode: string, form: ReceiptForm, now: Date): NumberingScope {
  const receiptDate = vietnamDate(now);
  const year = Number(receiptDate.slice(0, 4));
  return { agencyCode, template: form.template, series: `${form.seriesLetters}-${String(year % 100).padStart(2, '0')}E`, year, receiptDate };
}

export function printedNumber(number: number): string {
  return String(number).padStart(PRINTED_DIGITS, '0');
}

export class ReceiptNumbersExhaustedError extends BusinessRuleError {
  override readonly code = 'RECEIPT_NUMBERS_EXHAUSTED';
  constructor(scope: NumberingScope) {
    super(`Receipt numbers of ${scope.agencyCode} ${scope.template} ${scope.series} are used up for ${scope.year} (${MAX_RECEIPT_NUMBER})`);
  }
}

/** The numbers after `last` for `count` receipts, refused past the 8-digit limit. */
export function nextNumbers(scope: NumberingScope, last: number, count: number): number[] {
  if (last + count > MAX_RECEIPT_NUMBER) throw new ReceiptNumbersExhaustedError(scope);
  return Array.from({ length: count }, (_, i) => last + 1 + i);
}

/**
 * Drafts numbered after `last` as reserved receipts: what every store writes, whatever its storage,
 * so the numbering rules live here once (the store only makes the counter move atomically).
 */
export function reserveNumbers(scope: NumberingScope, last: number, drafts: readonly ReceiptDraft[], now: Date): Receipt[] {
  const numbers = nextNumbers(scope, last, drafts.length);
  return drafts.map((draft, i) => ({
    ...draft,
    template: scope.template,
    series: scope.series,
    year: scope.year,
    number: numbers[i]!,
    receiptNo: printedNumber(numbers[i]!),
    receiptDate: scope.receiptDate,
    status: 'reserved',
    reservedAt: now.toISOString(),
    version: 1,
  }));
}
