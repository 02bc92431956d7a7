import { InvalidInputError, type FieldIssue } from '../../../platform/kernel/errors';

/** A province-level unit (tỉnh / thành phố trực thuộc trung ương) since 2025-07-01. */
export interface Province {
  readonly code: string;
  readonly name: string;
}

/** A commune-level unit (xã / phường / đặc khu); there are no districts since 2025-07-01. */
export interface Commune {
  readonly code: string;
  readonly name: string;
  readonly provinceCode: string;
}

export type AdministrativeUnitsFile =
  | { readonly kind: 'provinces'; readonly provinces: readonly Province[] }
  | { readonly kind: 'communes'; readonly communes: readonly Commune[] };

/** A units file that cannot be imported; every issue names its line (the header is line 1). */
export class AdministrativeUnitsFileError extends InvalidInputError {
  override readonly code = 'INVALID_UNITS_FILE';
}

const HEADERS = {
  provinces: ['province_code', 'province_name'],
  communes: ['commune_code', 'commune_name', 'province_code', 'province_name'],
} as const;

const PROVINCE_CODE = /^\d{2}$/;
const COMMUNE_CODE = /^\d{5}$/;
const NAME_MAX = 200;
/** A wholly broken file (e.g. codes stripped of their zeros by a spreadsheet) would list every row. */
const MAX_ISSUES = 50;

interface CsvRecord {
  readonly line: number;
  readonly fields: string[];
}

/**
 * RFC 4180 records with the line each starts on. Quoted fields may hold commas, doubled quotes and
 * line breaks, so the line number is counted here rather than by splitting the text on newlines.
 */
export function parseCsvRecords(text: string): { records: CsvRecord[]; issues: FieldIssue[] } {
  const records: CsvRecord[] = [];
  const issues: FieldIssue[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let afterQuote = false;

  const endRecord = () => {
    fields.push(field);
    // A blank line (often the last one) is not a record.
    if (fields.length > 1 || fields[0]!.trim() !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    afterQuote = false;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === '' && !afterQuote) {
      quoted = true;
      field = '';
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      afterQuote = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (afterQuote && ch.trim() !== '') {
      issues.push({ path: `line ${line}`, message: 'text after a closing quote (a quote inside a quoted field must be doubled)' });
      afterQuote = false;
      field += ch;
    } else field += ch;
  }
  if (quoted) issues.push({ path: `line ${recordLine}`, message: 'a quoted field is never closed' });
  else endRecord();
  return { records, issues };
}

function detectKind(header: readonly string[]): keyof typeof HEADERS | undefined {
  const names = header.map((h) => h.trim().toLowerCase());
  return (Object.keys(HEADERS) as (keyof typeof HEADERS)[]).find(
    (kind) => HEADERS[kind].length === names.length && HEADERS[kind].every((h, i) => h === names[i]),
  );
}

function codeIssue(value: string, pattern: RegExp, digits: number, at: string): FieldIssue | undefined {
  if (pattern.test(value)) return undefined;
  const hint = /^\d+$/.test(value) && value.length < digits ? ' (leading zeros are part of the code; a spreadsheet may have dropped them)' : '';
  return { path: at, message: `must be ${digits} digits, got "${value}"${hint}` };
}

function nameIssue(value: string, at: string): FieldIssue | undefined {
  if (value === '') return { path: at, message: 'must not be empty' };
  if (value.length > NAME_MAX) return { path: at, message: `must be at most ${NAME_MAX} characters` };
  return undefined;
}

/**
 * Parses one of the two official lists (Statistics Office dispatches 915/CTK-CSCL and 1027/CTK-CSCL as
 * CSV), recognised by its header. All-or-nothing: any bad row fails the whole file, so an import never
 * leaves half a list behind.
 */
export function parseAdministrativeUnitsCsv(text: string): AdministrativeUnitsFile {
  const { records, issues } = parseCsvRecords(text.replace(/^\uFEFF/, ''));
  const [header, ...rows] = records;
  const kind = header ? detectKind(header.fields) : undefined;
  if (!header || !kind) {
    throw new AdministrativeUnitsFileError('Not an administrative units file', {
      details: [
        {
          path: 'line 1',
          message: `header must be "${HEADERS.provinces.join(',')}" or "${HEADERS.communes.join(',')}"${header ? `, got "${header.fields.join(',')}"` : ', the file is empty'}`,
        },
      ],
    });
  }
  const columns = HEADERS[kind];
  const firstLineOf = new Map<string, number>();
  const provinceNames = new Map<string, { name: string; line: number }>();
  const provinces: Province[] = [];
  const communes: Commune[] = [];

  for (const { line, fields } of rows) {
    const at = (column: string) => `line ${line}, ${column}`;
    if (fields.length !== columns.length) {
      issues.push({ path: `line ${line}`, message: `expected ${columns.length} fields (${columns.join(', ')}), got ${fields.length}` });
      continue;
    }
    const values = fields.map((f) => f.trim());
    const rowIssues: (FieldIssue | undefined)[] = [];
    const [code = '', name = ''] = values;
    if (kind === 'provinces') {
      rowIssues.push(codeIssue(code, PROVINCE_CODE, 2, at('province_code')), nameIssue(name, at('province_name')));
    } else {
      const [, , provinceCode = '', provinceName = ''] = values;
      rowIssues.push(
        codeIssue(code, COMMUNE_CODE, 5, at('commune_code')),
        nameIssue(name, at('commune_name')),
        codeIssue(provinceCode, PROVINCE_CODE, 2, at('province_code')),
        nameIssue(provinceName, at('province_name')),
      );
      // One province code with two names means the columns were shifted or two lists were merged.
      const seen = provinceNames.get(provinceCode);
      if (seen && seen.name !== provinceName) {
        rowIssues.push({ path: at('province_name'), message: `province ${provinceCode} is "${seen.name}" on line ${seen.line}, here "${provinceName}"` });
      } else if (!seen) provinceNames.set(provinceCode, { name: provinceName, line });
    }
    const duplicateOf = firstLineOf.get(code);
    if (duplicateOf !== undefined) rowIssues.push({ path: at(columns[0]), message: `code ${code} is already on line ${duplicateOf}` });
    else firstLineOf.set(code, line);

    const found = rowIssues.filter((i): i is FieldIssue => i !== undefined);
    issues.push(...found);
    if (found.length > 0) continue;
    if (kind === 'provinces') provinces.push({ code, name });
    else communes.push({ code, name, provinceCode: values[2]! });
  }

  if (rows.length === 0) issues.push({ path: 'line 2', message: 'the file has a header but no rows' });
  if (issues.length > 0) {
    const shown = issues.slice(0, MAX_ISSUES);
    if (issues.length > MAX_ISSUES) shown.push({ path: 'file', message: `and ${issues.length - MAX_ISSUES} more issues` });
    throw new AdministrativeUnitsFileError(`The ${kind} file has ${issues.length} issue${issues.length === 1 ? '' : 's'}`, { details: shown });
  }
  return kind === 'provinces' ? { kind, provinces } : { kind, communes };
}
