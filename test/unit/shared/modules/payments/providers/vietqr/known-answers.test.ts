import { describe, expect, it } from 'vitest';
import { signatureHeader, verifySignature } from '../../../../../../../shared/platform/kernel/timestamped-hmac';
import { verifyTransferSignature } from '../../../../../../../shared/modules/payments/providers/vietqr/callback';
import { AuthenticationError } from '../../../../../../../shared/platform/kernel/errors';
import { transferNotification } from '../../../../../../../local/sandboxes/vietqr-sandbox';

/**
 * A fixed vector computed outside this code base (HMAC-SHA256 of "<t>.<raw body>", hex):
 *
 *   printf '%s' '1795226400.<BODY>' | openssl dgst -sha256 -hmac sandbox-vietqr-secret
 *
 * The kernel's signer, the sandbox bank and the webhook's check are each held to it.
 */
const SECRET = 'sandbox-vietqr-secret';
const AT = new Date('2026-11-21T02:00:00.000Z');
const T = 1795226400;
const BODY = '{"eventId":"evt-1","reference":"TT1234567890","amount":205000,"transactionId":"FT26325123","paidAt":"2026-11-21T02:00:00.000Z","bankCode":"SANDBOX"}';
const V1 = 'f0a95a8f822d6f7e1cc6db37c41324ebd7423a9c8a84765feac546eb740c164f';

describe('VietQR webhook signature: known answer', () => {
  it('signs t.body with the known HMAC', () => {
    expect(signatureHeader(SECRET, T, BODY)).toBe(`t=${T},v1=${V1}`);
  });

  it('has the sandbox bank send exactly the known body and signature', () => {
    const sent = transferNotification(SECRET, { reference: 'TT1234567890', amount: 205000 }, { eventId: 'evt-1', transactionId: 'FT26325123', at: AT });
    expect(sent).toEqual({ body: BODY, signature: `t=${T},v1=${V1}` });
  });

  it('lets the webhook accept the known signature within five minutes and refuse it otherwise', () => {
    expect(verifySignature(`t=${T},v1=${V1}`, BODY, ['old-secret', SECRET], new Date(AT.getTime() + 299_000))).toEqual({ valid: true, timestamp: T });
    expect(() => verifyTransferSignature(`t=${T},v1=${V1}`, BODY, [SECRET], AT)).not.toThrow();
    expect(() => verifyTransferSignature(`t=${T},v1=${V1}`, BODY.replace('205000', '205001'), [SECRET], AT)).toThrow(AuthenticationError);
    expect(() => verifyTransferSignature(`t=${T},v1=${V1}`, BODY, [SECRET], new Date(AT.getTime() + 301_000))).toThrow(/stale/);
  });
});
