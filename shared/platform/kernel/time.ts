/** Viet Nam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar date in Viet Nam at an instant: the date the law means by "submission date". */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** `yyyyMMddHHmmss` in Viet Nam time, the format payment gateways exchange. */
export function vietnamTimestamp(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS)
    .toISOString()
    .replace(/[-:T]/g, '')
    .slice(0, 14);
}

/** Parses a Viet Nam `yyyyMMddHHmmss` timestamp into an instant. */
export function fromVietnamTimestamp(value: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (!m) throw new RangeError(`not a yyyyMMddHHmmss timestamp: ${value}`);
  const [, y, mo, d, h, mi, s] = m;
  return new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!) - VIETNAM_OFFSET_MS);
}

/**
 * A partner's `yyyyMMddHHmmss` field (VNPay's `vnp_PayDate`, the national platform's `ThoiGianGD`) as
 * an instant; undefined when it is absent or not that shape, so a message's other checks decide.
 */
export function readVietnamTimestamp(value: unknown): Date | undefined {
  try {
    return typeof value === 'string' ? fromVietnamTimestamp(value) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a date lies in an inclusive window whose ends may be open. */
export function isWithin(date: string, window: { validFrom?: string; validTo?: string }): boolean {
  return (window.validFrom === undefined || window.validFrom <= date) && (window.validTo === undefined || date <= window.validTo);
}

/** Injected into use cases so that tests control time without fake timers. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
