/**
 * Settings by name (environment variables in Lambda, values the local runtime chose for itself).
 * Each reader is given the record explicitly: only shared/app/settings.ts hands it `process.env`.
 */
export type SettingValues = Readonly<Record<string, string | undefined>>;

/** Reads a required setting; a missing one fails the cold start with a message naming it. */
export function requiredEnv(name: string, env: SettingValues): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') {
    throw new Error(`Environment variable ${name} is not set`);
  }
  return value;
}

export function optionalEnv(name: string, fallback: string, env: SettingValues): string {
  const value = env[name];
  return value === undefined || value.trim() === '' ? fallback : value;
}

/** A whole number setting of at least `min`; anything else fails the cold start naming the variable. */
export function integerEnv(name: string, fallback: number, min: number, env: SettingValues): number {
  const raw = optionalEnv(name, String(fallback), env).trim();
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min) {
    throw new Error(`Environment variable ${name} must be a whole number of at least ${min}, got "${raw}"`);
  }
  return value;
}

/** A comma-separated list, blanks dropped. */
export function listEnv(name: string, env: SettingValues, fallback = ''): string[] {
  return optionalEnv(name, fallback, env)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** How many days back a registration's `submittedAt` may lie (SUBMITTED_AT_MAX_AGE_DAYS, default 30). */
export function submittedAtMaxAgeDays(env: SettingValues): number {
  return integerEnv('SUBMITTED_AT_MAX_AGE_DAYS', 30, 1, env);
}
