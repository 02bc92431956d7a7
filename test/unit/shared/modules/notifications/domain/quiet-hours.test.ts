import { describe, expect, it } from 'vitest';
import { DEFAULT_QUIET_HOURS, isQuiet, parseQuietHours, sendableAt } from '../../../../../../shared/modules/notifications/domain/quiet-hours';

// Viet Nam is UTC+7: 22:00 there is 15:00 UTC, 06:00 there is 23:00 UTC the day before.
describe('Quiet hours in Viet Nam time (default 22:00–06:00)', () => {
  it.each([
    ['21:59 VN', '2026-03-10T14:59:00Z', '2026-03-10T14:59:00.000Z'],
    ['22:00 VN, the window opens', '2026-03-10T15:00:00Z', '2026-03-10T23:00:00.000Z'],
    ['23:30 VN, before midnight', '2026-03-10T16:30:45Z', '2026-03-10T23:00:00.000Z'],
    ['00:10 VN, after midnight (still 17:10 UTC the day before)', '2026-03-10T17:10:00Z', '2026-03-10T23:00:00.000Z'],
    ['05:59 VN', '2026-03-10T22:59:59Z', '2026-03-10T23:00:00.000Z'],
    ['06:00 VN, the window closes', '2026-03-10T23:00:00Z', '2026-03-10T23:00:00.000Z'],
    ['New Year’s Eve 23:00 VN → 06:00 on 1 January', '2025-12-31T16:00:00Z', '2025-12-31T23:00:00.000Z'],
  ])('%s → sent at %s', (_case, at, expected) => {
    expect(sendableAt(new Date(at), DEFAULT_QUIET_HOURS).toISOString()).toBe(expected);
  });

  it('a daytime window and "off" work too; nonsense is refused', () => {
    const lunch = parseQuietHours('11:30-13:00');
    expect(isQuiet(new Date('2026-03-10T05:00:00Z'), lunch)).toBe(true); // 12:00 VN
    expect(sendableAt(new Date('2026-03-10T05:00:00Z'), lunch).toISOString()).toBe('2026-03-10T06:00:00.000Z');
    expect(isQuiet(new Date('2026-03-10T16:00:00Z'), parseQuietHours('off'))).toBe(false);
    expect(() => parseQuietHours('22h-6h')).toThrow(/22:00-06:00/);
  });
});
