import { optionalEnv, type SettingValues } from '../../platform/config/env';
import type { SettingsSource } from '../../platform/config/source';

/** The postal return's own settings, whichever carrier carries (its settings live in carriers/<name>/settings.ts). */
export interface PostalSettings {
  /** Failed delivery attempts (invitations) before the parcel goes back to the agency. */
  readonly maxFailedAttempts: number;
  /** Deliveries with no carrier news for this long are reconciled by pulling tracking. */
  readonly reconcileAfterMinutes: number;
}

/** Read once per container (shared/app/container.ts memoises it). */
export async function loadPostalSettings({ values: env }: SettingsSource): Promise<PostalSettings> {
  return {
    maxFailedAttempts: maxFailedAttempts(env),
    reconcileAfterMinutes: Number(optionalEnv('POSTAL_RECONCILE_AFTER_MINUTES', '120', env)),
  };
}

/** Attempts from the settings without the carrier credentials (webhook and delivery handlers). */
export function maxFailedAttempts(env: SettingValues): number {
  return Number(optionalEnv('POSTAL_MAX_FAILED_ATTEMPTS', '2', env));
}
