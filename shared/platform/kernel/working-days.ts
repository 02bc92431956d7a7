import { VN_HOLIDAY_YEARS, VN_PUBLIC_HOLIDAYS } from './vn-holidays';

/** Viet Nam keeps UTC+7 all year: a working day is a Viet Nam calendar day, not a UTC one. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface WorkingCalendar {
  readonly holidays: ReadonlySet<string>;
  /** The years the holiday table covers; a date outside them cannot be called a working day. */
  readonly years: { readonly first: number; readonly last: number };
}

export const VIETNAM_CALENDAR: WorkingCalendar = { holidays: VN_PUBLIC_HOLIDAYS, years: VN_HOLIDAY_YEARS };

/** `yyyy-MM-dd` and weekday of a shifted (Viet Nam wall-clock) instant. */
function dayOf(shifted: Date): { date: string; weekday: number; year: number } {
  return { date: shifted.toISOString().slice(0, 10), weekday: shifted.getUTCDay(), year: shifted.getUTCFullYear() };
}

function isWorking(shifted: Date, calendar: WorkingCalendar): boolean | undefined {
  const { date, weekday, year } = dayOf(shifted);
  if (year < calendar.years.first || year > calendar.years.last) return undefined;
  return weekday !== 0 && weekday !== 6 && !calendar.holidays.has(date);
}

/**
 * The instant `days` working days (Mon–Fri, not a public holiday, in Viet Nam time) after `start`,
 * at the same Viet Nam clock time: a procedure's legal processing time counts working days from
 * reception. A start on a day off counts from the next working day (a dossier received on Saturday
 * is deemed received on Monday). Undefined when the count runs outside the holiday table: an
 * appointment date must not be guessed.
 */
export function addWorkingDays(start: Date, days: number, calendar: WorkingCalendar = VIETNAM_CALENDAR): Date | undefined {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be an integer ≥ 0: ${days}`);
  if (Number.isNaN(start.getTime())) throw new RangeError('start is not an instant');
  let shifted = new Date(start.getTime() + VIETNAM_OFFSET_MS);
  const step = (): boolean | undefined => {
    shifted = new Date(shifted.getTime() + DAY_MS);
    return isWorking(shifted, calendar);
  };
  let working = isWorking(shifted, calendar);
  while (working === false) working = step();
  for (let left = days; working !== undefined && left > 0; ) {
    working = step();
    if (working) left -= 1;
  }
  return working === undefined ? undefined : new Date(shifted.getTime() - VIETNAM_OFFSET_MS);
}
