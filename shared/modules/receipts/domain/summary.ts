import type { Receipt } from './receipt';

/**
 * The same-day summary of an agency's receipts (Decree 254/2026 Art. 29(3)(b); form Mẫu 01/TH-BLĐT
 * of Circular 91/2026). **(unverified)**: the form's exact columns; these are the fields the
 * decree's content rules and the BC26/BLĐT usage report name (template, series, number, date,
 * payer, kind, amount, state). Every number of the day is listed, a failed one too with its state,
 * so a gap can be seen rather than hidden.
 */
export interface SummaryRow {
  readonly template: string;
  readonly series: string;
  readonly receiptNo: string;
  readonly receiptDate: string;
  readonly payerName: string;
  readonly payerId: string;
  /** Phí, Lệ phí, or both. */
  readonly kind: string;
  readonly amount: number;
  /** Issued, adjusting (with the number it adjusts), or failed. */
  readonly state: string;
}

export interface DailySummary {
  readonly agencyCode: string;
  readonly agencyName: string;
  readonly date: string;
  readonly rows: readonly SummaryRow[];
  /** Net amount of the issued receipts (adjustments subtract). */
  readonly total: number;
  readonly issuedCount: number;
}

const KIND_LABELS = { fee: 'Phí', charge: 'Lệ phí', combined: 'Phí, lệ phí' } as const;

function stateOf(r: Receipt): string {
  if (r.status === 'failed') return `Lỗi: ${r.failure?.code ?? ''}`.trim();
  if (r.status !== 'issued') return 'Chưa phát hành';
  return r.adjusts ? `Điều chỉnh cho số ${r.adjusts.receiptNo} (${r.adjusts.series})` : 'Đã phát hành';
}

/** The summary of the receipts dated `date`, in number order within each template and series. */
export function dailySummary(agencyCode: string, agencyName: string, date: string, receipts: readonly Receipt[]): DailySummary {
  const ofDay = receipts
    .filter((r) => r.agencyCode === agencyCode && r.receiptDate === date)
    .sort((a, b) => a.template.localeCompare(b.template) || a.series.localeCompare(b.series) || a.number - b.number);
  const issued = ofDay.filter((r) => r.status === 'issued');
  return {
    agencyCode,
    agencyName,
    date,
    rows: ofDay.map((r) => ({
      template: r.template,
      series: r.series,
      receiptNo: r.receiptNo,
      receiptDate: r.receiptDate,
      payerName: r.payer.name,
      payerId: r.payer.idNumber,
      kind: KIND_LABELS[r.kind],
      amount: r.amount,
      state: stateOf(r),
    })),
    total: issued.reduce((sum, r) => sum + r.amount, 0),
    issuedCount: issued.length,
  };
}

const HEADER = ['STT', 'Ký hiệu mẫu biên lai', 'Ký hiệu biên lai', 'Số biên lai', 'Ngày lập', 'Tên người nộp', 'Số giấy tờ người nộp', 'Loại', 'Số tiền (VNĐ)', 'Trạng thái'];

function cell(value: string | number): string {
  const text = String(value);
  // RFC 4180 quoting; a leading =,+,-,@ is prefixed so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@]/.test(text) && typeof value !== 'number' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The summary as CSV (UTF-8, CRLF), headed by the agency and date, footed by the count and total. */
export function summaryCsv(summary: DailySummary): string {
  const lines = [
    ['Mẫu 01/TH-BLĐT', `Đơn vị thu: ${summary.agencyName} (${summary.agencyCode})`, `Ngày: ${summary.date}`],
    HEADER,
    ...summary.rows.map((r, i) => [i + 1, r.template, r.series, r.receiptNo, r.receiptDate, r.payerName, r.payerId, r.kind, r.amount, r.state]),
    ['Tổng', '', '', '', '', '', '', `${summary.issuedCount} biên lai`, summary.total, ''],
  ];
  return lines.map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n';
}
