import { describe, expect, it } from 'vitest';
import { PortalWebhookReceiver } from '../../../../local/sandboxes/portal-webhook-receiver';
import { signatureHeaderFor } from '../../../../shared/modules/portal-webhooks/domain/signature';

const NOW = new Date('2026-03-10T02:00:00Z');
const T = Math.floor(NOW.getTime() / 1000);
const body = (dossierNo: string) => JSON.stringify({ id: `evt_${dossierNo}`, dossierNo, sequence: 2 });
const headers = (raw: string, secrets = ['s1'], id = 'evt_1') => ({ 'x-signature': signatureHeaderFor(secrets, T, raw), 'x-webhook-id': id, 'x-webhook-attempt': '1' });

describe('Sandbox: portal webhook receiver', () => {
  it('accepts a push signed with a secret it holds, and says when it saw the id before', () => {
    const receiver = new PortalWebhookReceiver(['s1']);
    expect(receiver.receive(headers(body('A')), body('A'), NOW)).toEqual({ status: 200, body: { received: true, duplicate: false } });
    expect(receiver.receive(headers(body('A')), body('A'), NOW)).toEqual({ status: 200, body: { received: true, duplicate: true } });
  });

  it('refuses a wrong secret or a changed byte with 401 and records why', () => {
    const receiver = new PortalWebhookReceiver(['s1']);
    expect(receiver.receive(headers(body('A'), ['other']), body('A'), NOW).status).toBe(401);
    expect(receiver.receive(headers(body('A')), body('B'), NOW).status).toBe(401);
    expect(receiver.received.map((p) => [p.verified, p.refusal])).toEqual([[false, 'mismatch'], [false, 'mismatch']]);
  });

  it('fails the next N pushes of one dossier only, with the status it was told', () => {
    const receiver = new PortalWebhookReceiver(['s1']);
    receiver.failNext(2, 502, 'A');
    const statuses = ['A', 'B', 'A', 'A'].map((no) => receiver.receive(headers(body(no), ['s1'], `evt_${no}`), body(no), NOW).status);
    expect(statuses).toEqual([502, 200, 502, 200]);
  });

  it('verifies during a rotation whichever of the two secrets it holds', () => {
    for (const held of [['old'], ['new']]) {
      const receiver = new PortalWebhookReceiver(held);
      expect(receiver.receive(headers(body('A'), ['new', 'old']), body('A'), NOW).status).toBe(200);
      expect(receiver.received[0]!.signatures).toBe(2);
    }
  });
});
