import type { AgencyLevel } from '../domain/rollup';
import type { GroupFigures, KpiReportView } from './report';

/** Excel reads a CSV as the system code page unless it starts with the UTF-8 byte order mark. */
export const UTF8_BOM = '\uFEFF';

export const CSV_HEADERS = [
  'Kỳ báo cáo',
  'Từ ngày',
  'Đến ngày',
  'Mã đơn vị',
  'Tên đơn vị',
  'Cấp',
  'Xếp hạng',
  'Chỉ số',
  'Tử số',
  'Mẫu số',
  'Tỷ lệ (%)',
  'Chỉ tiêu (%)',
  'Chênh lệch (điểm %)',
  'Số ngày trung bình đến khi trả kết quả',
] as const;

const LEVEL_LABELS: Readonly<Record<AgencyLevel, string>> = { department: 'Sở, ban, ngành', commune: 'Xã, phường' };
export const CITY_LABEL = 'Toàn thành phố';

/**
 * A field as RFC 4180 wants it, and never a formula: a cell starting with = + - @ (or a tab/CR) is
 * prefixed with an apostrophe, so an agency name cannot run in the official's spreadsheet.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const percent = (fraction: number | null) => (fraction === null ? null : Math.round(fraction * 10_000) / 100);

function rows(view: KpiReportView, code: string, name: string, level: string, rank: number | null, group: GroupFigures): string[][] {
  const { period } = view;
  const lead = [period.id, period.firstDay, period.lastDay, code, name, level, rank === null ? '' : String(rank)];
  return group.kpis.map((k) =>
    [...lead, k.label, k.numerator, k.denominator, percent(k.rate), percent(k.target), percent(k.gap), group.averageDaysToResult].map(csvField),
  );
}

/** The same figures as the report, one row per (unit, rate): easy to filter and pivot in Excel. */
export function reportCsv(view: KpiReportView): string {
  const lines: string[][] = [[...CSV_HEADERS].map(csvField)];
  if (view.scope === 'agency') {
    lines.push(...rows(view, view.agencyCode ?? '', view.agencyName ?? '', view.level ? LEVEL_LABELS[view.level] : '', null, view));
  } else {
    lines.push(...rows(view, view.level ?? 'CITY', view.level ? LEVEL_LABELS[view.level] : CITY_LABEL, '', null, view));
    if (view.scope === 'city') for (const l of view.levels ?? []) lines.push(...rows(view, l.level, LEVEL_LABELS[l.level], '', null, l));
    for (const a of view.ranking ?? []) lines.push(...rows(view, a.agencyCode, a.name ?? '', LEVEL_LABELS[a.level], a.rank, a));
  }
  return UTF8_BOM + lines.map((line) => line.join(',')).join('\r\n') + '\r\n';
}
