import { randomUUID } from 'node:crypto';
import { GetQueueAttributesCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadLetterQueueName, queueName, Queues } from '../../shared/platform/config/resources';
import { redriveDeadLetters } from '../../shared/platform/sqs/redrive';
import { api, devToken, registerOnlineDossier } from '../support/api-client';
import { sqs, uniqueCode, until } from '../support/emulators';
import { ipn, ipnParams, returnUrl, txnRefOf } from '../support/payments';

const CITIZEN = '031088765432';
const APPLICANT = { citizenId: CITIZEN, fullName: 'Trần Thị W', phone: '0913555777' };
const queue = sqs();
afterAll(() => queue.destroy());
let agency: string;
let agencyToken: string;

beforeAll(async () => {
  agency = uniqueCode('HP');
  agencyToken = await devToken({ role: 'agency', agency });
});

const log = (no: string, token = agencyToken, extra = '') => api(`/v1/webhook-deliveries?dossierNo=${no}${extra}`, { token });
const received = (no: string) => api(`/sandbox/portal-webhooks/received?dossierNo=${no}`).then((r) => r.json.items as { webhookId: string; attempt: string; answered: number; verified: boolean; signatures: number; event: Record<string, unknown> }[]);
const failNext = (no: string, times: number) => api('/sandbox/portal-webhooks/failures', { method: 'PUT', body: { dossierNo: no, times, status: 503 } });
const delivered = (no: string, count: number) => until(() => log(no).then((r) => r.json), (j) => j?.items?.length === count && j.items.every((d: { status: string }) => d.status === 'delivered'), 30_000);

describe('Status push to the portal (signed webhooks)', () => {
  it('the portal fails twice then accepts: the log shows 3 attempts spaced by the retry schedule, each push signed and verified', async () => {
    // Prepare
    const no = uniqueCode('H31.26');
    expect((await failNext(no, 2)).status).toBe(200);
    // Act
    await registerOnlineDossier(agencyToken, agency, APPLICANT, no);
    // Assess
    const { items } = await delivered(no, 1);
    const [registration] = items;
    expect(registration).toMatchObject({
      sequence: 2,
      type: 'dossier.status_changed',
      status: 'delivered',
      event: { dossierNo: no, agencyCode: agency, version: 1, sequence: 2, status: 'AWAITING_PAYMENT', previousStatus: null },
    });
    expect(registration.attempts.map((a: { attempt: number; statusCode: number }) => [a.attempt, a.statusCode])).toEqual([[1, 503], [2, 503], [3, 200]]);
    const [first, second, third] = registration.attempts;
    // The test runtime's schedule waits 1 s after each failure (PORTAL_WEBHOOK_RETRY_SCHEDULE).
    expect(Date.parse(first.nextAttemptAt) - Date.parse(first.at)).toBe(1_000);
    expect(Date.parse(second.at)).toBeGreaterThanOrEqual(Date.parse(first.nextAttemptAt) - 5_000);
    expect(third.nextAttemptAt).toBeUndefined();
    expect(third.latencyMs).toBeGreaterThanOrEqual(0);
    const pushes = await received(no);
    expect(pushes.map((p) => [p.attempt, p.answered, p.verified])).toEqual([['1', 503, true], ['2', 503, true], ['3', 200, true]]);
    expect(new Set(pushes.map((p) => p.webhookId))).toEqual(new Set([registration.webhookId]));
    // No personal data leaves in the push.
    expect(JSON.stringify(pushes)).not.toContain(APPLICANT.fullName);
    expect(JSON.stringify(pushes)).not.toContain(CITIZEN);
  });

  it('a payment reaches the portal as payment.status_changed with the status it led to, after the registration', async () => {
    const no = await registerOnlineDossier(agencyToken, agency, APPLICANT, uniqueCode('H31.26'));
    const citizenToken = await devToken({ role: 'citizen', sub: CITIZEN });
    const due = (await until(() => api(`/v1/dossiers/${no}`, { token: citizenToken }).then((r) => r.json), (d) => d?.amountDue > 0)).amountDue;
    const payment = await api(`/v1/dossiers/${no}/payments`, { token: citizenToken, headers: { 'idempotency-key': randomUUID() }, body: { provider: 'vnpay', returnUrl: returnUrl() } });
    expect(payment.status, payment.text).toBe(201);
    expect((await ipn(ipnParams(txnRefOf(payment.json.redirectUrl), due))).RspCode).toBe('00');
    const { items } = await delivered(no, 2);
    expect(items.map((d: { sequence: number }) => d.sequence)).toEqual([2, 3]);
    expect(items[1].event).toMatchObject({ type: 'payment.status_changed', status: 'PROCESSING', previousStatus: 'AWAITING_PAYMENT', payment: { paymentId: payment.json.paymentId, provider: 'vnpay', amount: due, status: 'succeeded' } });
    // Pages with a cursor, in the order of the changes.
    const page1 = await log(no, agencyToken, '&limit=1');
    expect(page1.json.items.map((d: { sequence: number }) => d.sequence)).toEqual([2]);
    const page2 = await log(no, agencyToken, `&limit=1&cursor=${page1.json.nextCursor}`);
    expect(page2.json.items.map((d: { sequence: number }) => d.sequence)).toEqual([3]);
  });

  it("an agency cannot read another agency's deliveries (404), a citizen is refused (403), a bad query names the field (400)", async () => {
    const no = await registerOnlineDossier(agencyToken, agency, APPLICANT, uniqueCode('H31.26'));
    await delivered(no, 1);
    const other = await log(no, await devToken({ role: 'agency', agency: uniqueCode('HP') }));
    expect(other.status).toBe(404);
    expect(other.json.error.code).toBe('NOT_FOUND');
    expect((await log(no, await devToken({ role: 'citizen', sub: CITIZEN }))).status).toBe(403);
    const bad = await api('/v1/webhook-deliveries', { token: agencyToken });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json.error.details)).toContain('dossierNo');
  });

  it('a portal that never accepts: given up after the schedule (6 attempts), the message in the DLQ; redriven once the portal is back, delivered', async () => {
    const no = uniqueCode('H31.26');
    await failNext(no, 100);
    await registerOnlineDossier(agencyToken, agency, APPLICANT, no);
    const failed = await until(() => log(no).then((r) => r.json), (j) => j?.items?.[0]?.status === 'failed', 30_000);
    expect(failed.items[0].attempts).toHaveLength(6);
    expect(failed.items[0].gaveUpAt).toBeDefined();
    const { QueueUrl: queueUrl } = await queue.send(new GetQueueUrlCommand({ QueueName: queueName(Queues.portalWebhooks) }));
    const { QueueUrl: deadLetterUrl } = await queue.send(new GetQueueUrlCommand({ QueueName: deadLetterQueueName(Queues.portalWebhooks) }));
    await until(
      () => queue.send(new GetQueueAttributesCommand({ QueueUrl: deadLetterUrl, AttributeNames: ['ApproximateNumberOfMessages'] })).then((r) => Number(r.Attributes?.ApproximateNumberOfMessages ?? 0)),
      (n) => n >= 1,
      30_000,
    );
    // The operator fixes the portal, then moves the dead letters back (npm run dlq:redrive -- portalWebhooks).
    await failNext(no, 0);
    expect(await redriveDeadLetters(queue, { queueUrl: queueUrl!, deadLetterUrl: deadLetterUrl!, fifo: false })).toBeGreaterThanOrEqual(1);
    const { items } = await delivered(no, 1);
    expect(items[0].attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([503, 503, 503, 503, 503, 503, 200]);
  });
});
