/**
 * A write lost a race (a version moved, a transaction conflicted, the table throttled): read again
 * and retry. Deliberately not a DomainError: if it ever escapes the retry helper it is our fault,
 * a 500 with a reference, never a 409 that tells the caller to change their request.
 */
export class RetryableWriteConflict extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RetryableWriteConflict';
  }
}

export interface RetryPolicy {
  readonly attempts: number;
  /** First back-off in ms, doubled each attempt with full jitter; 0 retries at once. */
  readonly baseDelayMs: number;
  /** Ceiling of one back-off, for policies with many attempts (unbounded when absent). */
  readonly maxDelayMs?: number;
}

/** The one place that decides how often an optimistic write is retried. */
export const DefaultRetryPolicy: RetryPolicy = { attempts: 6, baseDelayMs: 10 };

/** Whether an error is worth another read-modify-write round. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof RetryableWriteConflict) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'ThrottlingException' || name === 'ProvisionedThroughputExceededException' || name === 'RequestLimitExceeded';
}

/**
 * Runs `attempt` (read, decide, conditional write) until it succeeds, retrying only what
 * {@link isRetryable} says; every other error, domain errors included, goes straight to the caller.
 */
export async function withOptimisticRetry<T>(attempt: (round: number) => Promise<T>, policy: RetryPolicy = DefaultRetryPolicy): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return await attempt(round);
    } catch (error) {
      if (!isRetryable(error) || round >= policy.attempts) throw error;
      if (policy.baseDelayMs > 0) await sleep(Math.random() * Math.min(policy.maxDelayMs ?? Infinity, policy.baseDelayMs * 2 ** (round - 1)));
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
