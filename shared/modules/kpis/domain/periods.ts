import { InvalidInputError } from '../../../platform/kernel/errors';

/** Reporting periods of the city's reports (daily, weekly, monthly, quarterly, yearly), Viet Nam time. */
export const PERIOD_KINDS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A period as Viet Nam calendar days, both ends inclusive, and the UTC instants of its midnights. */
export interface Period {
  readonly kind: PeriodKind;
  /** `2025-01-15`, `2025-W03` (ISO week, Monday first), `2025-01`, `2025-Q1`, `2025`. */
  readonly id: string;
  readonly firstDay: string;
  readonly lastDay: string;
  /** Viet Nam midnight at the start, as UTC ISO-8601 (17:00Z the day before). */
  readonly startsAt: string;
  /** Viet Nam midnight after the last day (exclusive end). */
  readonly endsAt: string;
}

export const PERIOD_PATTERNS: Readonly<Record<PeriodKind, RegExp>> = {
  day: /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  week: /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/,
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
};

const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const utcDate = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const iso = (date: Date) => date.toISOString().slice(0, 10);
const parseDay = (day: string) => new Date(`${day}T00:00:00Z`);
export const addDays = (day: string, n: number) => iso(new Date(parseDay(day).getTime() + n * DAY_MS));

/** Monday of ISO week 1: the week that holds 4 January. */
function isoWeekOne(year: number): Date {
  const jan4 = utcDate(year, 1, 4);
  return new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS);
}

/** The ISO week (`2025-W03`) a day belongs to; its year may differ from the day's near New Year. */
export function isoWeekOf(day: string): string {
  const date = parseDay(day);
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - isoWeekOne(year).getTime()) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function bounds(kind: PeriodKind, id: string): [string, string] | undefined {
  const m = PERIOD_PATTERNS[kind].exec(id);
  if (!m) return undefined;
  const year = Number(m[1]);
  switch (kind) {
    case 'day': {
      const date = utcDate(year, Number(m[2]), Number(m[3]));
      return iso(date) === id ? [id, id] : undefined; // 2025-02-30 is no day
    }
    case 'week': {
      const monday = new Date(isoWeekOne(year).getTime() + (Number(m[2]) - 1) * 7 * DAY_MS);
      return isoWeekOf(iso(monday)) === id ? [iso(monday), addDays(iso(monday), 6)] : undefined; // W53 only in long years
    }
    case 'month':
      return [`${id}-01`, iso(utcDate(year, Number(m[2]) + 1, 0))];
    case 'quarter': {
      const q = Number(m[2]);
      return [iso(utcDate(year, 3 * q - 2, 1)), iso(utcDate(year, 3 * q + 1, 0))];
    }
    case 'year':
      return [`${id}-01-01`, `${id}-12-31`];
  }
}

export function parsePeriod(kind: PeriodKind, id: string): Period {
  const range = bounds(kind, id);
  if (!range) throw new InvalidInputError(`${id} is not a ${kind}`, { details: [{ path: kind, message: `not a valid ${kind}` }] });
  const [firstDay, lastDay] = range;
  return {
    kind,
    id,
    firstDay,
    lastDay,
    startsAt: new Date(parseDay(firstDay).getTime() - VIETNAM_OFFSET_MS).toISOString(),
    endsAt: new Date(parseDay(addDays(lastDay, 1)).getTime() - VIETNAM_OFFSET_MS).toISOString(),
  };
}

export function daysOf(period: Pick<Period, 'firstDay' | 'lastDay'>): string[] {
  const days: string[] = [];
  for (let day = period.firstDay; day <= period.lastDay; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The calendar months (`YYYY-MM`) a period touches: a week may straddle two. */
export function monthsOf(period: Pick<Period, 'firstDay' | 'lastDay'>): string[] {
  return [...new Set(daysOf(period).map((d) => d.slice(0, 7)))];
}

/** The points of a trend chart: days for a day, week or month; months for a quarter or year. */
export function trendGranularity(kind: PeriodKind): 'day' | 'month' {
  return kind === 'quarter' || kind === 'year' ? 'month' : 'day';
}

export function trendBuckets(period: Period): string[] {
  return trendGranularity(period.kind) === 'day' ? daysOf(period) : monthsOf(period);
}

/** Every period of every kind that contains the day. */
export function periodsContaining(day: string): Record<PeriodKind, string> {
  const month = Number(day.slice(5, 7));
  return { day, week: isoWeekOf(day), month: day.slice(0, 7), quarter: `${day.slice(0, 4)}-Q${Math.ceil(month / 3)}`, year: day.slice(0, 4) };
}
