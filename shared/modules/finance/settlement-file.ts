import { InvalidInputError, type FieldIssue } from '../../platform/kernel/errors';
import { fromVietnamTimestamp, vietnamTimestamp } from '../../platform/kernel/time';
import type { ReconciliationOutcome, SettlementLine } from './domain/reconciliation';

/**
 * The settlement-file wire format, in this one file. Neither VNPay's day-T file nor a bank statement
 * has a public specification (integrations.md §5: "(unverified): the file's columns and format"), so
 * the columns are configuration: which header names carry the reference, the provider's transaction
 * id, the amount and the time. Times are Viet Nam `yyyyMMddHHmmss` (what VNPay exchanges everywhere);
 * amounts are VND, or VND × 100 where the provider says so (VNPay's vnp_Amount convention).
 */
export interface SettlementFormat {
  readonly delimiter: string;
  readonly columns: { readonly reference: string; readonly transactionId: string; readonly amount: string; readonly time: string };
  readonly amountTimes100: boolean;
}

/** Defaults per provider; override with SETTLEMENT_FORMAT_<PROVIDER> (JSON of a SettlementFormat). (unverified) */
export const DEFAULT_SETTLEMENT_FORMATS: Readonly<Record<string, SettlementFormat>> = {
  vnpay: { delimiter: ',', columns: { reference: 'TxnRef', transactionId: 'TransactionNo', amount: 'Amount', time: 'PayDate' }, amountTimes100: true },
  vietqr: { delimiter: ',', columns: { reference: 'Description', transactionId: 'TransactionId', amount: 'Amount', time: 'TransactionTime' }, amountTimes100: false },
};

export function settlementFormat(provider: string, values: Readonly<Record<string, string | undefined>>): SettlementFormat {
  const override = values[`SETTLEMENT_FORMAT_${provider.toUpperCase()}`];
  const format = override ? (JSON.parse(override) as SettlementFormat) : DEFAULT_SETTLEMENT_FORMATS[provider];
  if (!format) throw new InvalidInputError(`No settlement file format for provider ${provider}`, { details: [{ path: 'provider', message: 'unknown' }] });
  return format;
}

/** Splits one CSV record (quotes may wrap a field; "" is a quote). */
function fields(record: string, delimiter: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const c = record[i]!;
    if (quoted) {
      if (c === '"' && record[i + 1] === '"') (current += '"'), i++;
      else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) (out.push(current), (current = ''));
    else current += c;
  }
  out.push(current);
  return out.map((f) => f.trim());
}

/** Reads a whole file or refuses it whole, naming every bad line: a half-read file reconciles nothing. */
export function parseSettlementFile(text: string, format: SettlementFormat): SettlementLine[] {
  const records = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((r) => r.trim() !== '');
  const header = fields(records[0] ?? '', format.delimiter);
  const issues: FieldIssue[] = [];
  const col = Object.fromEntries(Object.entries(format.columns).map(([k, name]) => [k, header.indexOf(name)])) as Record<keyof SettlementFormat['columns'], number>;
  for (const [k, i] of Object.entries(col)) if (i < 0) issues.push({ path: `header.${k}`, message: `column ${format.columns[k as keyof typeof col]} is missing` });
  if (issues.length > 0) throw new InvalidInputError('The settlement file lacks required columns', { details: issues });
  const lines: SettlementLine[] = [];
  records.slice(1).forEach((record, n) => {
    const f = fields(record, format.delimiter);
    const raw = Object.fromEntries(header.map((h, i) => [h, f[i] ?? '']));
    const amountText = f[col.amount] ?? '';
    const whole = /^\d{1,15}$/.test(amountText) ? Number(amountText) : NaN;
    const amount = format.amountTimes100 ? (whole % 100 === 0 ? whole / 100 : NaN) : whole;
    let at: string | undefined;
    try {
      at = fromVietnamTimestamp(f[col.time] ?? '').toISOString();
    } catch {
      issues.push({ path: `line ${n + 1}.${format.columns.time}`, message: 'not a yyyyMMddHHmmss time' });
    }
    if (!Number.isSafeInteger(amount) || amount <= 0) issues.push({ path: `line ${n + 1}.${format.columns.amount}`, message: 'not a positive whole amount' });
    const reference = f[col.reference] ?? '';
    if (reference === '') issues.push({ path: `line ${n + 1}.${format.columns.reference}`, message: 'empty' });
    if (at) lines.push({ line: n + 1, reference, transactionId: f[col.transactionId] ?? '', amount, at, raw });
  });
  if (issues.length > 0) throw new InvalidInputError('The settlement file has invalid lines; nothing was imported', { details: issues });
  return lines;
}

const RESULT_CODES = { matched: 'MATCHED', amount_difference: 'AMOUNT_DIFFERENCE', missing_ours: 'MISSING_MERCHANT', missing_theirs: 'MISSING_PROVIDER' } as const;

/** The result file sent back to the provider: one line per reference, our amount and theirs, and the verdict. */
export function resultFile(provider: string, day: string, outcome: ReconciliationOutcome, format: SettlementFormat): string {
  const amount = (v: number | undefined) => (v === undefined ? '' : String(format.amountTimes100 ? v * 100 : v));
  const header = ['Provider', 'Date', format.columns.reference, format.columns.transactionId, 'MerchantAmount', 'ProviderAmount', 'Result'].join(format.delimiter);
  const rows = outcome.rows.map((r) => [provider, day, r.reference, r.transactionId ?? '', amount(r.ourAmount), amount(r.theirAmount), RESULT_CODES[r.result]].join(format.delimiter));
  return [header, ...rows, ['TOTAL', day, '', '', amount(outcome.matchedTotal), '', `MATCHED=${outcome.counts.matched}`].join(format.delimiter)].join('\n') + '\n';
}

/** A settlement file in the same format (the sandbox bank writes its day-T file with it). */
export function writeSettlementFile(lines: readonly { reference: string; transactionId: string; amount: number; at: Date }[], format: SettlementFormat): string {
  const c = format.columns;
  const header = [c.reference, c.transactionId, c.amount, c.time].join(format.delimiter);
  const body = lines.map((l) => [l.reference, l.transactionId, String(format.amountTimes100 ? l.amount * 100 : l.amount), vietnamTimestamp(l.at)].join(format.delimiter));
  return [header, ...body].join('\n') + '\n';
}
