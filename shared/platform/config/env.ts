/** Reads a required setting; a missing one fails the cold start with a message naming it. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') {
    throw new Error(`Environment variable ${name} is not set`);
  }
  return value;
}

export function optionalEnv(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value.trim() === '' ? fallback : value;
}

/** A whole number setting of at least `min`; anything else fails the cold start naming the variable. */
export function integerEnv(name: string, fallback: number, min = 1): number {
  const raw = optionalEnv(name, String(fallback)).trim();
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min) {
    throw new Error(`Environment variable ${name} must be a whole number of at least ${min}, got "${raw}"`);
  }
  return value;
}

/** How many days back a registration's `submittedAt` may lie (SUBMITTED_AT_MAX_AGE_DAYS, default 30). */
export function submittedAtMaxAgeDays(): number {
  return integerEnv('SUBMITTED_AT_MAX_AGE_DAYS', 30);
}
