/**
 * Quiet hours in Viet Nam time (UTC+7 all year): a message due then is sent at the end of the window,
 * never dropped. Default 22:00–06:00 (the ZNS night block, -133, and Decree 91/2020's daytime rule for
 * SMS; dossier notices are customer care, kept to daytime anyway).
 */
const VIETNAM_OFFSET_MIN = 7 * 60;
const DAY_MIN = 24 * 60;

export interface QuietHours {
  /** Minutes after midnight, Viet Nam time. start > end spans midnight; start === end means none. */
  readonly startMinute: number;
  readonly endMinute: number;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { startMinute: 22 * 60, endMinute: 6 * 60 };
export const NO_QUIET_HOURS: QuietHours = { startMinute: 0, endMinute: 0 };

/** `22:00-06:00`, or `off`. */
export function parseQuietHours(value: string): QuietHours {
  if (value.trim() === 'off') return NO_QUIET_HOURS;
  const m = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  if (!m) throw new Error(`quiet hours must look like 22:00-06:00 or be "off", got "${value}"`);
  return { startMinute: +m[1]! * 60 + +m[2]!, endMinute: +m[3]! * 60 + +m[4]! };
}

function vietnamMinuteOfDay(instant: Date): number {
  const utcMinutes = instant.getUTCHours() * 60 + instant.getUTCMinutes();
  return (utcMinutes + VIETNAM_OFFSET_MIN) % DAY_MIN;
}

/** Whether the instant falls inside the quiet window (start inclusive, end exclusive). */
export function isQuiet(instant: Date, quiet: QuietHours): boolean {
  const { startMinute: s, endMinute: e } = quiet;
  if (s === e) return false;
  const m = vietnamMinuteOfDay(instant);
  return s < e ? m >= s && m < e : m >= s || m < e;
}

/** When a message due at `instant` may go: the instant itself, or the end of the quiet window it falls in. */
export function sendableAt(instant: Date, quiet: QuietHours): Date {
  if (!isQuiet(instant, quiet)) return instant;
  const m = vietnamMinuteOfDay(instant);
  const wait = (quiet.endMinute - m + DAY_MIN) % DAY_MIN;
  const start = new Date(instant.getTime() + wait * 60_000);
  start.setUTCSeconds(0, 0);
  return start;
}
