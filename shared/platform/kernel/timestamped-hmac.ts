import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, the scheme of the
 * bank-transfer and postal webhooks. Several v1 values may be sent and several secrets accepted, so
 * that secrets can rotate without downtime.
 */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureFailure = 'missing' | 'malformed' | 'stale' | 'mismatch';

export type SignatureCheck = { readonly valid: true; readonly timestamp: number } | { readonly valid: false; readonly reason: SignatureFailure };

export function signPayload(secret: string, timestamp: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

export function signatureHeader(secret: string, timestamp: number, rawBody: string): string {
  return `t=${timestamp},v1=${signPayload(secret, timestamp, rawBody)}`;
}

function parse(header: string): { timestamp: number; signatures: string[] } | undefined {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

function equalHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Verifies the raw bytes as received, never a re-serialised object. */
export function verifySignature(header: string | undefined, rawBody: string, secrets: readonly string[], now: Date): SignatureCheck {
  if (!header) return { valid: false, reason: 'missing' };
  const parsed = parse(header);
  if (!parsed) return { valid: false, reason: 'malformed' };
  if (Math.abs(now.getTime() / 1000 - parsed.timestamp) > SIGNATURE_TOLERANCE_SECONDS) return { valid: false, reason: 'stale' };
  const matches = secrets.some((secret) => {
    const expected = signPayload(secret, parsed.timestamp, rawBody);
    return parsed.signatures.some((candidate) => equalHex(candidate, expected));
  });
  return matches ? { valid: true, timestamp: parsed.timestamp } : { valid: false, reason: 'mismatch' };
}
