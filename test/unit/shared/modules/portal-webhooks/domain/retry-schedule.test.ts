import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_SCHEDULE_SECONDS, parseRetrySchedule, retryDelaySeconds, scheduleSpanSeconds } from '../../../../../../shared/modules/portal-webhooks/domain/retry-schedule';

describe('Retry schedule (GOV.UK Pay: 60 s, 5 min, 1 h, 1 d, 2 d)', () => {
  it.each([
    [1, 60],
    [2, 5 * 60],
    [3, 60 * 60],
    [4, 24 * 60 * 60],
    [5, 2 * 24 * 60 * 60],
    [6, undefined],
  ])('after %i failed attempt(s) the next waits %s s', (failures, wait) => {
    expect(retryDelaySeconds(failures)).toBe(wait);
  });

  it('keeps trying for at least 3 days', () => {
    expect(scheduleSpanSeconds()).toBeGreaterThanOrEqual(3 * 24 * 60 * 60);
    expect(scheduleSpanSeconds()).toBe(60 + 300 + 3_600 + 86_400 + 172_800);
  });

  it('reads a schedule setting and refuses a malformed one', () => {
    expect(parseRetrySchedule(' 1, 2,30 ')).toEqual([1, 2, 30]);
    expect(parseRetrySchedule(DEFAULT_RETRY_SCHEDULE_SECONDS.join(','))).toEqual(DEFAULT_RETRY_SCHEDULE_SECONDS);
    for (const bad of ['', '1,,2', '0', '-5', '1.5', 'one']) expect(() => parseRetrySchedule(bad)).toThrow(/retry schedule/);
  });

  it('counts failures from 1', () => {
    expect(() => retryDelaySeconds(0)).toThrow(RangeError);
  });
});
