import { optionalEnv, requiredEnv } from '../../platform/config/env';
import { readSecret } from '../../platform/config/secrets';

export interface PostalSettings {
  readonly apiUrl: string;
  readonly username: string;
  readonly password: string;
  /** Failed delivery attempts (invitations) before the parcel goes back to the agency. */
  readonly maxFailedAttempts: number;
  /** Deliveries with no carrier news for this long are reconciled by pulling tracking. */
  readonly reconcileAfterMinutes: number;
}

let cached: Promise<PostalSettings> | undefined;

export function postalSettings(): Promise<PostalSettings> {
  cached ??= (async () => ({
    apiUrl: requiredEnv('POSTAL_API_URL'),
    username: requiredEnv('POSTAL_API_USERNAME'),
    password: await readSecret('POSTAL_API_PASSWORD'),
    maxFailedAttempts: Number(optionalEnv('POSTAL_MAX_FAILED_ATTEMPTS', '2')),
    reconcileAfterMinutes: Number(optionalEnv('POSTAL_RECONCILE_AFTER_MINUTES', '120')),
  }))();
  cached.catch(() => (cached = undefined));
  return cached;
}

/** Attempts from the environment without the carrier credentials (webhook and delivery handlers). */
export function maxFailedAttempts(): number {
  return Number(optionalEnv('POSTAL_MAX_FAILED_ATTEMPTS', '2'));
}
