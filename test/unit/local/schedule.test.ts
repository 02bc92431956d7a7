import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { everyInterval } from '../../../local/schedule';

describe('Function: everyInterval', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('skips the ticks that find the last run still going, and runs again once it ended', async () => {
    // Prepare: a run that lasts until we end it
    let started = 0;
    let end: () => void = () => {};
    const stop = everyInterval(1_000, () => {
      started += 1;
      return new Promise<void>((resolve) => (end = resolve));
    }, () => {});

    // Act: three ticks while the first run goes on, then its end and one more tick
    await vi.advanceTimersByTimeAsync(3_000);
    const whileRunning = started;
    end();
    await vi.advanceTimersByTimeAsync(1_000);
    stop();

    // Assess
    expect(whileRunning).toBe(1);
    expect(started).toBe(2);
  });

  it('hands a failed run to onError and keeps the schedule', async () => {
    const errors: unknown[] = [];
    const stop = everyInterval(1_000, () => Promise.reject(new Error('boom')), (e) => errors.push(e));
    await vi.advanceTimersByTimeAsync(2_000);
    stop();
    expect(errors.map((e) => (e as Error).message)).toEqual(['boom', 'boom']);
  });
});
