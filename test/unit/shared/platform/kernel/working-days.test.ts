import { describe, expect, it } from 'vitest';
import { addWorkingDays, VIETNAM_CALENDAR } from '../../../../../shared/platform/kernel/working-days';
import { VN_HOLIDAY_YEARS, VN_PUBLIC_HOLIDAYS } from '../../../../../shared/platform/kernel/vn-holidays';

/** Viet Nam wall-clock `yyyy-MM-ddTHH:mm` of an instant, to read the expectations as a clerk would. */
const vn = (instant: Date | undefined) => instant && new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
const add = (iso: string, days: number) => vn(addWorkingDays(new Date(iso), days));

describe('Function: addWorkingDays', () => {
  it.each([
    ['Tuesday + 3 stays in the week', '2026-03-10T02:00:00Z', 3, '2026-03-13T09:00'],
    ['Thursday + 2 crosses the weekend', '2026-03-12T02:00:00Z', 2, '2026-03-16T09:00'],
    ['Friday + 5 is the next Friday', '2026-03-13T02:00:00Z', 5, '2026-03-20T09:00'],
    ['a Saturday reception counts from Monday', '2026-03-14T02:00:00Z', 1, '2026-03-17T09:00'],
    ['0 days on a Sunday is Monday', '2026-03-15T02:00:00Z', 0, '2026-03-16T09:00'],
  ])('%s', (_case, start, days, expected) => {
    expect(add(start, days)).toBe(expected);
  });

  it.each([
    // Friday 13/2/2026 + 1: 14–22/2 is the Tết break (Sat..Sun, weekdays 16–20 off).
    ['Friday before Tết + 1 is the Monday after it', '2026-02-13T02:00:00Z', 1, '2026-02-23T09:00'],
    ['a reception during Tết counts from the first day back', '2026-02-18T02:00:00Z', 0, '2026-02-23T09:00'],
    ['Tết Đinh Mùi 2027 (5–10/2 off)', '2027-02-04T02:00:00Z', 2, '2027-02-12T09:00'],
    ['30/4 and 1/5/2026 (Thu, Fri) off', '2026-04-29T02:00:00Z', 1, '2026-05-04T09:00'],
    ['Giỗ tổ on a Sunday is compensated on Monday 27/4/2026', '2026-04-24T02:00:00Z', 1, '2026-04-28T09:00'],
    ['Quốc khánh is two days from 2025 (1–2/9/2026)', '2026-08-31T02:00:00Z', 1, '2026-09-03T09:00'],
    ['1/1/2027 (Fri) off', '2026-12-31T02:00:00Z', 1, '2027-01-04T09:00'],
  ])('skips holidays: %s', (_case, start, days, expected) => {
    expect(add(start, days)).toBe(expected);
  });

  it.each([
    // 16:59 UTC Friday is 23:59 Friday in Viet Nam: a working day. 17:00 UTC Friday is Saturday in Viet Nam.
    ['23:59 VN Friday is still Friday: +1 is Monday', '2026-03-13T16:59:00Z', 1, '2026-03-16T23:59'],
    ['00:00 VN Saturday (17:00 UTC Friday) counts from Monday: +1 is Tuesday', '2026-03-13T17:00:00Z', 1, '2026-03-17T00:00'],
    ['00:30 VN Monday is Sunday 17:30 in UTC, yet a Monday: +1 is Tuesday', '2026-03-15T17:30:00Z', 1, '2026-03-17T00:30'],
  ])('counts Viet Nam days, not UTC ones: %s', (_case, start, days, expected) => {
    expect(add(start, days)).toBe(expected);
  });

  it('returns undefined instead of guessing outside the holiday table', () => {
    expect(addWorkingDays(new Date('2027-12-29T02:00:00Z'), 5)).toBeUndefined();
    expect(addWorkingDays(new Date('2025-12-30T02:00:00Z'), 0)).toBeUndefined();
    expect(addWorkingDays(new Date('2027-12-29T02:00:00Z'), 2)).toEqual(new Date('2027-12-31T02:00:00Z'));
  });

  it('refuses a negative or fractional count and a non-instant', () => {
    expect(() => addWorkingDays(new Date('2026-03-10T02:00:00Z'), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date('2026-03-10T02:00:00Z'), 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date('nope'), 1)).toThrow(RangeError);
  });

  it('keeps the holiday table on weekdays within its years (a weekend entry would be a typo)', () => {
    for (const date of VN_PUBLIC_HOLIDAYS) {
      const day = new Date(`${date}T00:00:00Z`);
      expect([0, 6], date).not.toContain(day.getUTCDay());
      expect(day.getUTCFullYear()).toBeGreaterThanOrEqual(VN_HOLIDAY_YEARS.first);
      expect(day.getUTCFullYear()).toBeLessThanOrEqual(VN_HOLIDAY_YEARS.last);
    }
    expect(VIETNAM_CALENDAR.holidays).toBe(VN_PUBLIC_HOLIDAYS);
  });
});
