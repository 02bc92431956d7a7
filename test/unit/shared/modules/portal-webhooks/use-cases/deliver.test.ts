import { describe, expect, it } from 'vitest';
import { deliverWebhook, WebhookGivenUpError, WebhookNotDueError, type DeliverDeps } from '../../../../../../shared/modules/portal-webhooks/use-cases/deliver';
import { dispatchDueWebhooks } from '../../../../../../shared/modules/portal-webhooks/use-cases/dispatch';
import { requestPortalWebhook } from '../../../../../../shared/modules/portal-webhooks/use-cases/request';
import { DEFAULT_RETRY_SCHEDULE_SECONDS } from '../../../../../../shared/modules/portal-webhooks/domain/retry-schedule';
import type { WebhookMessage } from '../../../../../../shared/modules/portal-webhooks/domain/delivery';
import { verifySignature } from '../../../../../../shared/platform/kernel/timestamped-hmac';
import { dossierOwing, event, T0 } from '../../../../../support/dossiers';
import { InMemoryWebhookDeliveryStore, RecordingWebhookQueue, ScriptedPortal, SteppingClock } from '../../../../../fakes/portal-webhooks';

const registered = event('DossierRegistered', { channel: 'online', feesTotal: 50_000 });
const SECRETS = ['whsec-new', 'whsec-old'];

function setup(answers: (number | 'timeout')[] = []) {
  const clock = new SteppingClock(T0);
  const store = new InMemoryWebhookDeliveryStore();
  const queue = new RecordingWebhookQueue();
  const portal = new ScriptedPortal(answers);
  const deps: DeliverDeps = {
    store,
    queue,
    endpoint: portal,
    settings: { defaultUrl: 'https://portal.gov.vn/hooks', agencyUrls: { 'HP-OTHER': 'https://other.gov.vn/hooks' }, timeoutMs: 10_000, schedule: DEFAULT_RETRY_SCHEDULE_SECONDS },
    secrets: async () => SECRETS,
    clock,
  };
  return { clock, store, queue, portal, deps };
}

/** Delivers what the queue holds, each message after its delay, as SQS and the consumer would. */
async function drain(s: ReturnType<typeof setup>): Promise<string[]> {
  const outcomes: string[] = [];
  for (let next = s.queue.take()[0]; next; next = s.queue.take()[0]) {
    s.clock.advance(next.delaySeconds);
    outcomes.push(await deliverWebhook(s.deps, next.message, s.clock.now()));
  }
  return outcomes;
}

describe('Use case: deliver portal webhooks', () => {
  it('the receiver fails twice then accepts: 3 signed attempts of the same body, 60 s and 5 min apart', async () => {
    // Prepare
    const s = setup([503, 'timeout', 200]);
    await requestPortalWebhook(s.deps, dossierOwing(50_000), registered);
    // Act
    const outcomes = await drain(s);
    // Assess
    expect(outcomes).toEqual(['retry_scheduled', 'retry_scheduled', 'delivered']);
    const delivery = (await s.store.get('H31-0001', 2))!;
    expect(delivery.status).toBe('delivered');
    expect(delivery.attempts.map((a) => [a.attempt, a.statusCode, a.error])).toEqual([
      [1, 503, 'HTTP 503'],
      [2, undefined, 'timeout'],
      [3, 200, undefined],
    ]);
    expect(s.clock.now().getTime() - T0.getTime()).toBe(360_000);
    expect(new Set(s.portal.requests.map((r) => r.body)).size).toBe(1);
    for (const [i, request] of s.portal.requests.entries()) {
      expect(request.url).toBe('https://portal.gov.vn/hooks');
      expect(request.headers['x-webhook-id']).toBe(delivery.webhookId);
      expect(request.headers['x-webhook-attempt']).toBe(String(i + 1));
      expect(request.headers['x-signature']!.match(/v1=/g)).toHaveLength(2);
      // Each attempt is signed when it is sent: verified as the portal would on receipt.
      const sentAt = new Date(Number(/^t=(\d+)/.exec(request.headers['x-signature']!)![1]) * 1000);
      expect(sentAt.getTime() - T0.getTime()).toBe([0, 60_000, 360_000][i]);
      expect(verifySignature(request.headers['x-signature'], request.body, ['whsec-old'], sentAt).valid).toBe(true);
    }
  });

  it('a long wait (1 h and more) is left on the due index; the sweeper queues it, delayed to the second, once it is near', async () => {
    const s = setup([503, 503, 503, 200]);
    await requestPortalWebhook(s.deps, dossierOwing(50_000), registered);
    await drain(s); // attempts 1–3; the wait after the 3rd is 1 h
    const waiting = (await s.store.get('H31-0001', 2))!;
    expect(waiting).toMatchObject({ status: 'scheduled', dispatchedAttempt: 3 });
    expect(await dispatchDueWebhooks(s.deps)).toBe(0);
    s.clock.advance(3_600 - 400);
    expect(await dispatchDueWebhooks(s.deps)).toBe(1);
    expect(s.queue.sent).toEqual([{ message: { dossierNo: 'H31-0001', sequence: 2, attempt: 4 }, delaySeconds: 400 }]);
    expect(await dispatchDueWebhooks(s.deps)).toBe(0); // queued once
    expect(await drain(s)).toEqual(['delivered']);
    expect((await s.store.get('H31-0001', 2))!.attempts).toHaveLength(4);
  });

  it('a retry whose message could not be queued is found by the sweeper', async () => {
    const s = setup([503, 200]);
    await requestPortalWebhook(s.deps, dossierOwing(50_000), registered);
    const first = s.queue.take()[0]!;
    s.queue.failNext = 1;
    expect(await deliverWebhook(s.deps, first.message, T0)).toBe('retry_scheduled');
    expect(s.queue.sent).toHaveLength(0);
    expect(await dispatchDueWebhooks(s.deps)).toBe(1);
    expect(await drain(s)).toEqual(['delivered']);
  });

  it('copies of a message are dropped: the reaction run twice, a message for an attempt already made', async () => {
    const s = setup([200]);
    await requestPortalWebhook(s.deps, dossierOwing(50_000), registered);
    await requestPortalWebhook(s.deps, dossierOwing(50_000), registered);
    const [one, two] = s.queue.take();
    expect(two!.message).toEqual(one!.message);
    expect(await deliverWebhook(s.deps, one!.message, T0)).toBe('delivered');
    expect(await deliverWebhook(s.deps, two!.message, T0)).toBe('stale');
    // Once delivered, the reaction running again queues a copy that is dropped as well.
    await requestPortalWebhook(s.deps, dossierOwing(50_000), registered);
    expect(await drain(s)).toEqual(['stale']);
    expect(s.portal.requests).toHaveLength(1);
    expect(s.store.writes).toHaveLength(1);
  });

  it('one write per attempt: nothing before the first POST, a delivered push is its one record; a soon retry is queued, not written twice', async () => {
    const s = setup([503, 200]);
    const queued = await requestPortalWebhook(s.deps, dossierOwing(50_000), registered);
    expect(s.store.deliveries.size).toBe(0);
    expect(JSON.parse(queued!.body!)).toMatchObject({ id: expect.stringMatching(/^evt_/), dossierNo: 'H31-0001', sequence: 2 });
    expect(await drain(s)).toEqual(['retry_scheduled', 'delivered']);
    expect(s.store.writes).toEqual([{ status: 'scheduled', attempts: 1 }, { status: 'delivered', attempts: 2 }]);
    // The retry's message was queued before its record: the record is off the due index.
    expect(await dispatchDueWebhooks(s.deps)).toBe(0);
    // The body sent is the one the reaction queued, byte for byte, on both attempts.
    expect(s.portal.requests.map((r) => r.body)).toEqual([queued!.body, queued!.body]);
  });

  it('two copies of the first message at the same moment: both may POST (same X-Webhook-Id), one record stands', async () => {
    const s = setup([200, 200]);
    await requestPortalWebhook(s.deps, dossierOwing(50_000), registered);
    await requestPortalWebhook(s.deps, dossierOwing(50_000), registered);
    const [one, two] = s.queue.take();
    const outcomes = await Promise.all([deliverWebhook(s.deps, one!.message, T0), deliverWebhook(s.deps, two!.message, T0)]);
    expect(outcomes.sort()).toEqual(['delivered', 'stale']);
    expect(new Set(s.portal.requests.map((r) => r.headers['x-webhook-id'])).size).toBe(1);
    expect((await s.store.get('H31-0001', 2))!.attempts).toHaveLength(1);
    expect(s.store.writes).toHaveLength(1);
  });

  it('a first message without a body, or with the body of another webhook, and no delivery recorded: nothing to deliver', async () => {
    const s = setup([200]);
    const queued = (await requestPortalWebhook(s.deps, dossierOwing(50_000), registered))!;
    expect(await deliverWebhook(s.deps, { dossierNo: queued.dossierNo, sequence: queued.sequence, attempt: 1 }, T0)).toBe('unknown');
    expect(await deliverWebhook(s.deps, { ...queued, sequence: 3 }, T0)).toBe('unknown');
    expect(await deliverWebhook(s.deps, { ...queued, body: '{not json' }, T0)).toBe('unknown');
    expect(s.portal.requests).toHaveLength(0);
  });

  it('a message that comes early goes back to the queue for the time left', async () => {
    const s = setup([503]);
    await requestPortalWebhook(s.deps, dossierOwing(50_000), registered);
    await deliverWebhook(s.deps, s.queue.take()[0]!.message, T0);
    const retry = s.queue.take()[0]!;
    s.clock.advance(20);
    await expect(deliverWebhook(s.deps, retry.message, s.clock.now())).rejects.toEqual(new WebhookNotDueError(40));
  });

  it('given up after the schedule: the last message fails (towards the DLQ) until an operator redrives it', async () => {
    const s = setup([503, 503, 503, 503, 503, 503, 200]);
    await requestPortalWebhook(s.deps, dossierOwing(50_000), registered);
    let last: WebhookMessage | undefined;
    let sentAt = T0;
    for (let attempt = 1; attempt <= 6; attempt++) {
      if (attempt > 1 && s.queue.sent.length === 0) {
        s.clock.advance(3_600 * 48);
        await dispatchDueWebhooks(s.deps);
      }
      const next = s.queue.take()[0]!;
      sentAt = s.clock.now();
      s.clock.advance(next.delaySeconds);
      last = next.message;
      const delivering = deliverWebhook(s.deps, next.message, sentAt);
      if (attempt < 6) await delivering;
      else await expect(delivering).rejects.toBeInstanceOf(WebhookGivenUpError);
    }
    expect((await s.store.get('H31-0001', 2))!.status).toBe('failed');
    // The same message, received again: still dead.
    await expect(deliverWebhook(s.deps, last!, sentAt)).rejects.toBeInstanceOf(WebhookGivenUpError);
    // Redriven from the DLQ (sent again, after the give-up): one more attempt, accepted.
    s.clock.advance(3_600);
    expect(await deliverWebhook(s.deps, last!, s.clock.now())).toBe('delivered');
    expect((await s.store.get('H31-0001', 2))!.attempts).toHaveLength(7);
  });

  it("an agency with its own receiver gets its dossiers' pushes there", async () => {
    const s = setup([200]);
    await requestPortalWebhook(s.deps, dossierOwing(50_000, { agencyCode: 'HP-OTHER' }), registered);
    await drain(s);
    expect(s.portal.requests[0]!.url).toBe('https://other.gov.vn/hooks');
  });
});
