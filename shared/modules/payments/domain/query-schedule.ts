import type { Payment } from './payment';

/**
 * How a provider wants a payment asked about again while it has no final answer (pending, or no
 * verified answer) after its expiry. A provider without one is asked at every run of the expiry job.
 */
export interface PendingQuerySchedule {
  /** The first wait after the expiry. */
  readonly firstDelayMs: number;
  /** The longest wait between two questions. */
  readonly maxDelayMs: number;
  /** From the payment's creation: past this, it is no longer asked (it expires on our clock). */
  readonly giveUpAfterMs: number;
}

/**
 * When to ask next, or undefined once the schedule gives up. Each wait is as long as all the waiting
 * since the expiry (so the waits double), at least the first delay, at most the longest; the last
 * question falls on the give-up instant itself. Derived from the clock alone: nothing to count.
 */
export function nextQueryAt(payment: Pick<Payment, 'createdAt' | 'expiresAt'>, now: Date, schedule: PendingQuerySchedule): Date | undefined {
  const deadline = Date.parse(payment.createdAt) + schedule.giveUpAfterMs;
  if (now.getTime() >= deadline) return undefined;
  const waited = Math.max(0, now.getTime() - Date.parse(payment.expiresAt));
  const delay = Math.min(Math.max(waited, schedule.firstDelayMs), schedule.maxDelayMs);
  return new Date(Math.min(now.getTime() + delay, deadline));
}
