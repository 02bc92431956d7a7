import { describe, expect, it } from 'vitest';
import { signatureHeader, signPayload, verifySignature } from '../../../../../shared/platform/kernel/timestamped-hmac';

const now = new Date('2026-11-21T06:00:00Z');
const t = Math.floor(now.getTime() / 1000);
const body = '{"eventId":"e1","amount":205000}';

describe('Function: verifySignature', () => {
  it('accepts a fresh signature over the raw body with any of the rotating secrets', () => {
    expect(verifySignature(signatureHeader('old', t, body), body, ['new', 'old'], now)).toEqual({ valid: true, timestamp: t });
    expect(verifySignature(`t=${t},v1=${'0'.repeat(64)},v1=${signPayload('new', t, body)}`, body, ['new'], now).valid).toBe(true);
  });

  it.each([
    ['missing', undefined, body],
    ['malformed', 'v1=abc', body],
    ['stale', signatureHeader('s', t - 301, body), body],
    ['mismatch', signatureHeader('wrong', t, body), body],
    ['mismatch', signatureHeader('s', t, body), body.replace('205000', '205001')],
    ['mismatch', signatureHeader('s', t, body), JSON.stringify(JSON.parse(body), null, 1)],
    ['mismatch', signatureHeader('s', t, body), Buffer.from(body).toString('base64')],
  ])('refuses %s (%s)', (reason, header, raw) => {
    expect(verifySignature(header, raw, ['s'], now)).toEqual({ valid: false, reason });
  });

  it('refuses a timestamp from the future beyond the tolerance too', () => {
    expect(verifySignature(signatureHeader('s', t + 301, body), body, ['s'], now)).toEqual({ valid: false, reason: 'stale' });
  });
});
