import { describe, expect, it } from 'vitest';
import { nextQueryAt, type PendingQuerySchedule } from '../../../../../../shared/modules/payments/domain/query-schedule';

const MIN = 60_000;
const HOUR = 60 * MIN;
const schedule: PendingQuerySchedule = { firstDelayMs: MIN, maxDelayMs: 4 * HOUR, giveUpAfterMs: 72 * HOUR };
const payment = { createdAt: '2026-11-21T00:00:00.000Z', expiresAt: '2026-11-21T00:30:00.000Z' };
const at = (msAfterExpiry: number) => new Date(Date.parse(payment.expiresAt) + msAfterExpiry);

describe('nextQueryAt', () => {
  it.each([
    ['at the expiry: the first delay', 0, MIN],
    ['1 minute after: wait 1 minute more', MIN, 2 * MIN],
    ['2 minutes after: wait 2 more (the waits double)', 2 * MIN, 4 * MIN],
    ['10 minutes after: wait 10 more', 10 * MIN, 20 * MIN],
    ['3 hours after: wait 3 more', 3 * HOUR, 6 * HOUR],
    ['10 hours after: at most 4 hours apart', 10 * HOUR, 14 * HOUR],
    ['asked before its expiry: the first delay', -5 * MIN, -4 * MIN],
  ])('%s', (_case, now, next) => {
    expect(nextQueryAt(payment, at(now), schedule)).toEqual(at(next));
  });

  it('asks a last time at the end of the window (72 h from creation), then gives up', () => {
    const deadline = new Date(Date.parse(payment.createdAt) + 72 * HOUR);
    expect(nextQueryAt(payment, new Date(deadline.getTime() - HOUR), schedule)).toEqual(deadline);
    expect(nextQueryAt(payment, deadline, schedule)).toBeUndefined();
  });

  it('asks 27 times when the answer stays pending: at 0, 1, 2, 4 … 256 minutes after the expiry, then every 4 h, then at 72 h', () => {
    let now = at(0);
    let questions = 1;
    for (let next = nextQueryAt(payment, now, schedule); next; next = nextQueryAt(payment, now, schedule)) {
      expect(next.getTime()).toBeGreaterThan(now.getTime());
      now = next;
      questions++;
    }
    // 10 doubling waits up to 4 h 16 min, 16 four-hour waits up to 68 h 16 min, and the last at 71 h 30 min after the expiry.
    expect(questions).toBe(27);
  });
});
