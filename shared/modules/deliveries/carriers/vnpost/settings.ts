import { optionalEnv, requiredEnv, type SettingValues } from '../../platform/config/env';
import type { SettingsSource } from '../../platform/config/source';

export interface PostalSettings {
  readonly apiUrl: string;
  readonly username: string;
  readonly password: string;
  /** Failed delivery attempts (invitations) before the parcel goes back to the agency. */
  readonly maxFailedAttempts: number;
  /** Deliveries with no carrier news for this long are reconciled by pulling tracking. */
  readonly reconcileAfterMinutes: number;
}

/** Read once per container (shared/app/container.ts memoises it); the password comes from SSM in AWS. */
export async function loadPostalSettings({ values: env, secret }: SettingsSource): Promise<PostalSettings> {
  return {
    apiUrl: requiredEnv('POSTAL_API_URL', env),
    username: requiredEnv('POSTAL_API_USERNAME', env),
    password: await secret('POSTAL_API_PASSWORD'),
    maxFailedAttempts: maxFailedAttempts(env),
    reconcileAfterMinutes: Number(optionalEnv('POSTAL_RECONCILE_AFTER_MINUTES', '120', env)),
  };
}

/** Attempts from the settings without the carrier credentials (webhook and delivery handlers). */
export function maxFailedAttempts(env: SettingValues): number {
  return Number(optionalEnv('POSTAL_MAX_FAILED_ATTEMPTS', '2', env));
}
