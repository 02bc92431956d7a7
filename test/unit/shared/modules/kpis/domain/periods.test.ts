import { describe, expect, it } from 'vitest';
import { counterDay } from '../../../../../../shared/modules/kpis/domain/counters';
import { isoWeekOf, monthsOf, parsePeriod, trendBuckets } from '../../../../../../shared/modules/kpis/domain/periods';
import { InvalidInputError } from '../../../../../../shared/platform/kernel/errors';

describe('periods in Viet Nam time', () => {
  it('puts a dossier in the Viet Nam day it was submitted: 17:00Z is midnight', () => {
    expect(counterDay('2025-12-31T16:59:59.999Z')).toBe('2025-12-31');
    expect(counterDay('2025-12-31T17:00:00.000Z')).toBe('2026-01-01');
  });

  it.each([
    ['day', '2026-01-01', '2026-01-01', '2026-01-01', '2025-12-31T17:00:00.000Z', '2026-01-01T17:00:00.000Z'],
    ['week', '2026-W01', '2025-12-29', '2026-01-04', '2025-12-28T17:00:00.000Z', '2026-01-04T17:00:00.000Z'],
    ['month', '2024-02', '2024-02-01', '2024-02-29', '2024-01-31T17:00:00.000Z', '2024-02-29T17:00:00.000Z'],
    ['quarter', '2026-Q4', '2026-10-01', '2026-12-31', '2026-09-30T17:00:00.000Z', '2026-12-31T17:00:00.000Z'],
    ['year', '2026', '2026-01-01', '2026-12-31', '2025-12-31T17:00:00.000Z', '2026-12-31T17:00:00.000Z'],
  ] as const)('%s %s runs %s – %s, from %s to %s', (kind, id, firstDay, lastDay, startsAt, endsAt) => {
    expect(parsePeriod(kind, id)).toEqual({ kind, id, firstDay, lastDay, startsAt, endsAt });
  });

  it('numbers ISO weeks from the week holding 4 January, Monday first', () => {
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
    expect(isoWeekOf('2021-01-04')).toBe('2021-W01');
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01');
  });

  it.each([
    ['day', '2026-02-29'],
    ['day', '2026-13-01'],
    ['week', '2025-W53'], // 2026 has a W53 (1 January on a Thursday), 2025 has not
    ['month', '2026-00'],
    ['quarter', '2026-Q5'],
  ] as const)('refuses %s %s naming the field', (kind, id) => {
    expect(() => parsePeriod(kind, id)).toThrow(InvalidInputError);
    try {
      parsePeriod(kind, id);
    } catch (error) {
      expect((error as InvalidInputError).details).toEqual([{ path: kind, message: `not a valid ${kind}` }]);
    }
  });

  it('knows the months a week straddles and draws trends by day or by month', () => {
    expect(monthsOf(parsePeriod('week', '2026-W05'))).toEqual(['2026-01', '2026-02']);
    expect(trendBuckets(parsePeriod('week', '2026-W05'))).toHaveLength(7);
    expect(trendBuckets(parsePeriod('year', '2026'))).toHaveLength(12);
    expect(trendBuckets(parsePeriod('quarter', '2026-Q2'))).toEqual(['2026-04', '2026-05', '2026-06']);
  });
});
