/**
 * When a webhook the portal did not accept is tried again: GOV.UK Pay's schedule, 60 s, 5 min, 1 h,
 * 1 day, 2 days after each failed attempt (six attempts over 3 days and 66 minutes), then it is given
 * up. The n-th entry is the wait after the n-th failed attempt.
 */
export const DEFAULT_RETRY_SCHEDULE_SECONDS: readonly number[] = [60, 300, 3_600, 86_400, 172_800];

/** The longest DelaySeconds SQS accepts: a shorter wait is queued at once, a longer one waits on the due index. */
export const MAX_QUEUE_DELAY_SECONDS = 900;

/**
 * Seconds to wait after `failedAttempts` failed attempts (1 after the first), or undefined when the
 * schedule is spent and the delivery is given up.
 */
export function retryDelaySeconds(failedAttempts: number, schedule: readonly number[] = DEFAULT_RETRY_SCHEDULE_SECONDS): number | undefined {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1) throw new RangeError(`failed attempts must be a positive integer, got ${failedAttempts}`);
  return schedule[failedAttempts - 1];
}

/** How long the whole schedule keeps trying, in seconds (the sum of its waits). */
export function scheduleSpanSeconds(schedule: readonly number[] = DEFAULT_RETRY_SCHEDULE_SECONDS): number {
  return schedule.reduce((sum, s) => sum + s, 0);
}

/** `60,300,3600`: whole seconds, each at least 1; anything else is refused naming the value. */
export function parseRetrySchedule(text: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length === 0 || parts.some((p) => !/^\d+$/.test(p) || Number(p) < 1)) {
    throw new Error(`a retry schedule is comma-separated whole seconds of at least 1, got "${text}"`);
  }
  return parts.map(Number);
}
