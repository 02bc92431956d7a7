import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PortalWebhookEventSchema } from '../../../../../../shared/modules/portal-webhooks/api/schemas';
import { PortalWebhookHeadersSchema, portalStatusWebhook, retryScheduleInWords, SIGNATURE_EXAMPLE } from '../../../../../../shared/modules/portal-webhooks/api/webhook';
import { EXAMPLE_EVENT } from '../../../../../../shared/modules/portal-webhooks/api/example-event';
import { verifySignature } from '../../../../../../shared/platform/kernel/timestamped-hmac';

/** HMAC-SHA256 of "<t>.<body>" computed here, not by the code under test. */
const independentHmac = (secret: string, t: number, body: string) => createHmac('sha256', secret).update(`${t}.${body}`, 'utf8').digest('hex');

describe('portalStatusWebhook: the status push as the portal implements it', () => {
  it('has an example body and headers valid by their own schemas, the id header being the event id', () => {
    const { body, headers } = portalStatusWebhook.examples.request;
    expect(PortalWebhookEventSchema.safeParse(body).success).toBe(true);
    expect(PortalWebhookHeadersSchema.safeParse(headers).error?.issues ?? []).toEqual([]);
    expect(headers?.['X-Webhook-Id']).toBe((body as typeof EXAMPLE_EVENT).id);
  });

  it('signs the example body as a push is signed: one v1 per secret, each the HMAC of "<t>.<raw body>"', () => {
    const { secrets, timestamp, rawBody, header } = SIGNATURE_EXAMPLE;
    expect(rawBody).toBe(JSON.stringify(EXAMPLE_EVENT));
    expect(header).toBe(`t=${timestamp},v1=${independentHmac(secrets[0], timestamp, rawBody)},v1=${independentHmac(secrets[1], timestamp, rawBody)}`);
    expect(portalStatusWebhook.examples.request.headers?.['X-Signature']).toBe(header);
  });

  it('verifies with either secret alone (a rotation), and not with another secret or another body', () => {
    const { secrets, timestamp, rawBody, header } = SIGNATURE_EXAMPLE;
    const at = new Date(timestamp * 1000);
    expect(verifySignature(header, rawBody, [secrets[0]], at).valid).toBe(true);
    expect(verifySignature(header, rawBody, [secrets[1]], at).valid).toBe(true);
    expect(verifySignature(header, rawBody, ['another-secret'], at)).toEqual({ valid: false, reason: 'mismatch' });
    expect(verifySignature(header, rawBody.replace('200000', '200001'), [secrets[0]], at)).toEqual({ valid: false, reason: 'mismatch' });
  });

  it('says the retry waits in words', () => {
    expect(retryScheduleInWords([60, 300, 3_600, 86_400, 172_800])).toBe('60 s, 5 min, 1 h, 1 day and 2 days');
    expect(retryScheduleInWords([30])).toBe('30 s');
  });
});
