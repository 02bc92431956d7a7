import { describe, expect, it } from 'vitest';
import {
  awaitsDispatch,
  claimAttempt,
  decideMessage,
  newDelivery,
  recordAttempt,
  WEBHOOK_DELIVERY_STATUSES,
  WebhookDeliveryMachine,
  type WebhookDelivery,
} from '../../../../../../shared/modules/portal-webhooks/domain/delivery';
import { DEFAULT_RETRY_SCHEDULE_SECONDS } from '../../../../../../shared/modules/portal-webhooks/domain/retry-schedule';
import type { PortalWebhookEvent } from '../../../../../../shared/modules/portal-webhooks/domain/event';

const T0 = new Date('2026-03-10T02:00:00Z');
const EVENT: PortalWebhookEvent = { id: 'evt_x', type: 'dossier.status_changed', version: 1, occurredAt: T0.toISOString(), dossierNo: 'H31-1', agencyCode: 'HP-STP', sequence: 2, status: 'AWAITING_PAYMENT', previousStatus: null };
const URL = 'https://portal.gov.vn/hooks';
const failed503 = { url: URL, statusCode: 503, latencyMs: 40 };
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/** Claims and fails attempts one after the other, each when it falls due. */
function failTimes(times: number, delivery = newDelivery(EVENT, T0)): { delivery: WebhookDelivery; waits: (number | undefined)[] } {
  const waits: (number | undefined)[] = [];
  let current = delivery;
  for (let i = 0; i < times; i++) {
    const now = new Date(current.nextAttemptAt ?? T0.toISOString());
    const outcome = recordAttempt(claimAttempt(current, 'Claim', now, 25_000), failed503, now, DEFAULT_RETRY_SCHEDULE_SECONDS);
    waits.push(outcome.retryInSeconds);
    current = outcome.delivery;
  }
  return { delivery: current, waits };
}

describe('Machine: webhook delivery', () => {
  it('every status appears in the transition table, and only delivered is terminal', () => {
    const named = new Set(WebhookDeliveryMachine.edges.flatMap((e) => [e.from, e.to]));
    expect([...named].sort()).toEqual([...WEBHOOK_DELIVERY_STATUSES].sort());
    expect(WebhookDeliveryMachine.terminalStatuses()).toEqual(['delivered']);
    expect(WebhookDeliveryMachine.bypasses().map((e) => e.on)).toEqual(['TakeOver', 'Redrive']);
  });
});

describe('Function: recordAttempt', () => {
  it('a receiver that keeps failing is retried after 60 s, 5 min, 1 h, 1 d and 2 d, then given up', () => {
    // Act
    const { delivery, waits } = failTimes(6);
    // Assess
    expect(waits).toEqual([60, 300, 3_600, 86_400, 172_800, undefined]);
    expect(delivery.status).toBe('failed');
    expect(delivery.attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(delivery.attempts.map((a) => a.at)).toEqual([0, 60, 360, 3_960, 90_360, 263_160].map((s) => at(s).toISOString()));
    expect(delivery.attempts.at(-1)).toEqual({ attempt: 6, at: at(263_160).toISOString(), url: URL, statusCode: 503, latencyMs: 40, error: 'HTTP 503' });
    expect(delivery.gaveUpAt).toBe(at(263_160).toISOString());
    expect(awaitsDispatch(delivery)).toBe(false);
  });

  it('fails twice then is accepted: three attempts on the log, each failure naming its next attempt', () => {
    const { delivery: twice } = failTimes(2);
    const now = new Date(twice.nextAttemptAt!);
    const { delivery, retryInSeconds } = recordAttempt(claimAttempt(twice, 'Claim', now, 25_000), { url: URL, statusCode: 204, latencyMs: 12 }, now, DEFAULT_RETRY_SCHEDULE_SECONDS);
    expect(retryInSeconds).toBeUndefined();
    expect(delivery.status).toBe('delivered');
    expect(delivery.deliveredAt).toBe(at(360).toISOString());
    expect(delivery.attempts).toEqual([
      { attempt: 1, at: at(0).toISOString(), url: URL, statusCode: 503, latencyMs: 40, error: 'HTTP 503', nextAttemptAt: at(60).toISOString() },
      { attempt: 2, at: at(60).toISOString(), url: URL, statusCode: 503, latencyMs: 40, error: 'HTTP 503', nextAttemptAt: at(360).toISOString() },
      { attempt: 3, at: at(360).toISOString(), url: URL, statusCode: 204, latencyMs: 12 },
    ]);
  });

  it.each([
    [{ url: URL, latencyMs: 10_000, error: 'timeout' }, 'timeout'],
    [{ url: URL, statusCode: 301, latencyMs: 5 }, 'HTTP 301'],
    [{ url: URL, statusCode: 400, latencyMs: 5 }, 'HTTP 400'],
  ])('%j is not an acceptance: %s, retried', (result, error) => {
    const delivery = newDelivery(EVENT, T0);
    const { delivery: next, retryInSeconds } = recordAttempt(claimAttempt(delivery, 'Claim', T0, 25_000), result, T0, DEFAULT_RETRY_SCHEDULE_SECONDS);
    expect(next.status).toBe('scheduled');
    expect(next.attempts[0]!.error).toBe(error);
    expect(retryInSeconds).toBe(60);
    expect(awaitsDispatch(next)).toBe(true);
  });
});

describe('Function: decideMessage', () => {
  const fresh = newDelivery(EVENT, T0);
  const msg = (attempt: number) => ({ dossierNo: 'H31-1', sequence: 2, attempt });
  const { delivery: retrying } = failTimes(1);
  const claimed = claimAttempt(fresh, 'Claim', T0, 25_000);
  const { delivery: givenUp } = failTimes(6);
  const gaveUp = Date.parse(givenUp.gaveUpAt!);

  it.each([
    ['the first attempt of a new delivery', fresh, 1, T0, T0, { action: 'attempt', on: 'Claim' }],
    ['a copy of a message for an attempt already made', retrying, 1, at(61), at(0), { action: 'stale' }],
    ['the retry, when it falls due', retrying, 2, at(60), at(0), { action: 'attempt', on: 'Claim' }],
    ['the retry, a few seconds early (clock skew)', retrying, 2, at(57), at(0), { action: 'attempt', on: 'Claim' }],
    ['the retry, well before it is due', retrying, 2, at(30), at(0), { action: 'not_due', seconds: 30 }],
    ['an attempt another consumer holds', claimed, 1, at(10), T0, { action: 'busy' }],
    ['an attempt whose claimer vanished', claimed, 1, at(26), T0, { action: 'attempt', on: 'TakeOver' }],
    ['any message once delivered', { ...fresh, status: 'delivered' as const }, 1, T0, T0, { action: 'stale' }],
    ['the last message of a given-up delivery', givenUp, 6, new Date(gaveUp + 2_000), new Date(gaveUp - 1), { action: 'dead' }],
    ['a message an operator redrove after the give-up', givenUp, 6, new Date(gaveUp + 60_000), new Date(gaveUp + 50_000), { action: 'attempt', on: 'Redrive' }],
  ])('%s → %j', (_case, delivery, attempt, now, sentAt, expected) => {
    expect(decideMessage(delivery, msg(attempt), now, sentAt)).toEqual(expected);
  });

  it('a redriven delivery gets one more attempt, then is given up again', () => {
    const now = new Date(gaveUp + 60_000);
    const redriven = claimAttempt(givenUp, 'Redrive', now, 25_000);
    expect(redriven).toMatchObject({ status: 'sending' });
    expect(redriven.gaveUpAt).toBeUndefined();
    const again = recordAttempt(redriven, failed503, now, DEFAULT_RETRY_SCHEDULE_SECONDS);
    expect(again.delivery.status).toBe('failed');
    expect(again.delivery.attempts).toHaveLength(7);
    const ok = recordAttempt(redriven, { url: URL, statusCode: 200, latencyMs: 3 }, now, DEFAULT_RETRY_SCHEDULE_SECONDS);
    expect(ok.delivery.status).toBe('delivered');
  });
});
