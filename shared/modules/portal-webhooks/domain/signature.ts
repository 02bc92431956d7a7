import { signPayload } from '../../../platform/kernel/timestamped-hmac';

/**
 * Signs an outbound webhook the way our own callbacks are verified (platform/kernel/timestamped-hmac):
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, one `v1` per active secret, newest
 * first. While a secret rotates both are active, so a portal that still knows only the previous one
 * and a portal that already knows only the new one both find a `v1` that matches; the verifier
 * accepts a request when any `v1` matches any secret it holds.
 */
export const MAX_ACTIVE_SECRETS = 2;

export function signatureHeaderFor(secrets: readonly string[], timestamp: number, rawBody: string): string {
  if (secrets.length === 0 || secrets.length > MAX_ACTIVE_SECRETS) throw new RangeError(`sign with 1 to ${MAX_ACTIVE_SECRETS} secrets, got ${secrets.length}`);
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new RangeError(`not a unix timestamp: ${timestamp}`);
  return [`t=${timestamp}`, ...secrets.map((secret) => `v1=${signPayload(secret, timestamp, rawBody)}`)].join(',');
}
