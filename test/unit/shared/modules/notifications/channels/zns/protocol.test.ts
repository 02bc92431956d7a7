import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseRefreshReply, parseSendReply, receivedMessageBody, verifyWebhook, webhookSignatureHeader, znsPhone } from '../../../../../../../shared/modules/notifications/channels/zns/protocol';

const APP = '4040404040404040404';
const SECRET = 'oa-secret-key';
const now = new Date('2026-03-10T02:00:00Z');
const body = receivedMessageBody({ appId: APP, oaId: 'oa', phone: '84912345678', msgId: 'msg-1', trackingId: 'n123', deliveredAt: new Date('2026-03-10T01:59:58Z'), now });
const timestamp = String(now.getTime());

describe('ZNS webhook signature: mac = sha256(appId + rawBody + timestamp + secret)', () => {
  it('known answer: the MAC is plain SHA-256 over the concatenation (not HMAC)', () => {
    const expected = createHash('sha256').update(`${APP}${body}${timestamp}${SECRET}`).digest('hex');
    expect(webhookSignatureHeader(APP, body, timestamp, SECRET)).toBe(`mac=${expected}`);
  });

  it('a good signature gives the receipt, delivered at delivery_time (not timestamp)', () => {
    const check = verifyWebhook({ rawBody: body, signature: webhookSignatureHeader(APP, body, timestamp, SECRET), appId: APP, secrets: ['old', SECRET], now, maxAgeMs: 900_000 });
    expect(check).toEqual({ valid: true, event: 'user_received_message', receipt: { msgId: 'msg-1', trackingId: 'n123', deliveredAt: '2026-03-10T01:59:58.000Z' } });
  });

  it.each([
    ['a tampered body (one byte)', body.replace('msg-1', 'msg-2'), webhookSignatureHeader(APP, body, timestamp, SECRET), now, 'signature'],
    ['re-serialised JSON (same data, other bytes)', JSON.stringify(JSON.parse(body), null, 1), webhookSignatureHeader(APP, body, timestamp, SECRET), now, 'signature'],
    ['the wrong secret', body, webhookSignatureHeader(APP, body, timestamp, 'not-the-secret'), now, 'signature'],
    ['a stale event (replayed 16 minutes later)', body, webhookSignatureHeader(APP, body, timestamp, SECRET), new Date(now.getTime() + 16 * 60_000), 'stale'],
    ['no signature', body, undefined, now, 'malformed'],
    ['HMAC instead of SHA-256 (the public anchor bug)', body, `mac=${'0'.repeat(64)}`, now, 'signature'],
  ])('%s is refused (%s)', (_case, rawBody, signature, at, reason) => {
    expect(verifyWebhook({ rawBody, signature, appId: APP, secrets: [SECRET], now: at, maxAgeMs: 900_000 })).toEqual({ valid: false, reason });
  });

  it('another app id, correctly signed for it, is refused', () => {
    const other = body.replace(APP, '999');
    expect(verifyWebhook({ rawBody: other, signature: webhookSignatureHeader(APP, other, timestamp, SECRET), appId: APP, secrets: [SECRET], now, maxAgeMs: 900_000 })).toEqual({ valid: false, reason: 'app' });
  });
});

describe('ZNS replies', () => {
  it('reads success with msg_id, and errors given as numbers or strings', () => {
    expect(parseSendReply({ error: 0, message: 'Success', data: { msg_id: 'a1', quota: { remainingQuota: '499' } } })).toEqual({ ok: true, msgId: 'a1', remainingQuota: 499 });
    expect(parseSendReply({ error: '-118', message: 'Zalo account not existed' })).toEqual({ ok: false, error: -118, message: 'Zalo account not existed' });
    expect(parseSendReply({ error: 0, message: 'Success' })).toMatchObject({ ok: false, error: -100 });
  });

  it('a refresh reply without both tokens is an error, never something to store', () => {
    expect(parseRefreshReply({ access_token: 'a', refresh_token: 'r', expires_in: '90000' })).toEqual({ ok: true, accessToken: 'a', refreshToken: 'r', expiresInSeconds: 90_000 });
    expect(parseRefreshReply({ error: -14020, error_name: 'Invalid refresh token' })).toEqual({ ok: false, error: '-14020' });
    expect(parseRefreshReply({ access_token: 'a', expires_in: '90000' }).ok).toBe(false);
  });

  it('normalises +84 numbers to 84…', () => {
    expect(znsPhone('+84912345678')).toBe('84912345678');
    expect(() => znsPhone('0912345678')).toThrow();
  });
});
