import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeHandler } from '../../../../functions/queue/apply-dossier-events';
import { createContainer } from '../../../../shared/app/container';
import { dossierReactions } from '../../../../shared/app/reactions';
import { settingsFromEnv } from '../../../../shared/app/settings';
import type { DossierEvent } from '../../../../shared/modules/dossiers/domain/events';
import { InMemoryDossierStore } from '../../../fakes/dossier-store';
import { FakePaymentStore } from '../../../fakes/payment-store';
import { flakyReaction, recordingNoticeReaction } from '../../../fakes/dossier-reactions';
import { dossierOwing, event, T0 } from '../../../support/dossiers';
import { lambdaContextStub } from '../../../support/http-event';
import { fakeEnqueueDeps } from '../../../fakes/notifications';
import { recordingPushRequests } from '../../../fakes/national-portal-fakes';

const clock = { now: () => new Date(T0.getTime() + 60 * 60_000) };

function sqsEvent(...events: DossierEvent[]): SQSEvent {
  return {
    Records: events.map(
      (e, i): SQSRecord => ({
        messageId: `m-${i}-${e.id}`,
        receiptHandle: `r-${i}`,
        body: JSON.stringify(e),
        attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'test', ApproximateFirstReceiveTimestamp: '0', MessageGroupId: e.dossierNo, MessageDeduplicationId: e.id },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:ap-southeast-1:000000000000:dossier-events.fifo',
        awsRegion: 'ap-southeast-1',
      }),
    ),
  };
}

/**
 * The cost of a reaction: this test adds one (test/fakes/dossier-reactions.ts) to the list the
 * container gives the real consumer, touching no consumer, use-case or module file.
 */
function consumerWith(...extra: ReturnType<typeof recordingNoticeReaction>['reaction'][]) {
  const store = new InMemoryDossierStore().add(dossierOwing(5_000));
  const postalOrders: string[] = [];
  const base = { postalOrders: async (id: string) => void postalOrders.push(id), paymentStore: new FakePaymentStore(), clock, portalPushRequests: recordingPushRequests(clock).deps, receiptRequests: async () => {}, noticeRequests: fakeEnqueueDeps(clock), deliveryStore: { get: async () => undefined } };
  const container = createContainer(settingsFromEnv({}), { clock, dossierStore: store, dossierReactions: [...dossierReactions(base), ...extra] });
  return { store, postalOrders, handler: makeHandler(container) };
}

describe('Function: apply-dossier-events with an added reaction', () => {
  beforeEach(() => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });

  it('runs the added reaction once per applied event that calls for it, and again on redelivery', async () => {
    // Prepare
    const notice = recordingNoticeReaction('ResultReady');
    const { handler, store } = consumerWith(notice.reaction);
    const paid = event('PaymentSucceeded', { paymentId: 'pay-1', provider: 'vnpay', amount: 5_000, paidAt: T0.toISOString() });
    const ready = event('ResultReady', { kind: 'electronic', issuedAt: T0.toISOString() });

    // Act
    const first = await handler(sqsEvent(paid, ready), lambdaContextStub);
    const redelivered = await handler(sqsEvent(ready), lambdaContextStub);

    // Assess
    expect(first.batchItemFailures).toEqual([]);
    expect(redelivered.batchItemFailures).toEqual([]);
    expect(notice.runs).toEqual([
      { eventId: ready.id, status: 'RESULT_RETURNED' },
      { eventId: ready.id, status: 'RESULT_RETURNED' },
    ]);
    expect(store.applied.map((w) => w.event.id)).toEqual([paid.id, ready.id]);
  });

  it('reports the record as failed when a reaction fails, so SQS redelivers it and the reaction runs again', async () => {
    // Prepare
    const flaky = flakyReaction(1);
    const { handler, store } = consumerWith(flaky.reaction);
    const paid = event('PaymentSucceeded', { paymentId: 'pay-1', provider: 'vnpay', amount: 5_000, paidAt: T0.toISOString() });

    // Act
    const first = await handler(sqsEvent(paid), lambdaContextStub);
    const redelivered = await handler(sqsEvent(paid), lambdaContextStub);

    // Assess
    expect(first.batchItemFailures).toEqual([{ itemIdentifier: `m-0-${paid.id}` }]);
    expect(redelivered.batchItemFailures).toEqual([]);
    expect(flaky.calls()).toBe(2);
    expect(store.applied).toHaveLength(1);
  });
});
