import { describe, expect, it } from 'vitest';
import { readVietnamTimestamp } from '../../../../../shared/platform/kernel/time';

describe('Function: readVietnamTimestamp', () => {
  it.each([
    ['a Viet Nam morning', '20261121070500', '2026-11-21T00:05:00.000Z'],
    ['just after midnight in Viet Nam (the day before in UTC)', '20261121003000', '2026-11-20T17:30:00.000Z'],
    ['the last second of a Viet Nam year', '20261231235959', '2026-12-31T16:59:59.000Z'],
  ])('reads %s as the instant it names', (_case, value, instant) => {
    expect(readVietnamTimestamp(value)?.toISOString()).toBe(instant);
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['a number', 20261121070500],
    ['too short', '202611210705'],
    ['with separators', '2026-11-21 07:05:00'],
    ['an ISO instant', '2026-11-21T00:05:00Z'],
  ])('is undefined for a field that is %s', (_case, value) => {
    expect(readVietnamTimestamp(value)).toBeUndefined();
  });
});
