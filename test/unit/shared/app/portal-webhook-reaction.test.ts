import { describe, expect, it } from 'vitest';
import { dossierReactions, portalWebhookReaction } from '../../../../shared/app/reactions';
import { applyDossierEvent } from '../../../../shared/modules/dossiers/domain/apply-event';
import { FakePaymentStore } from '../../../fakes/payment-store';
import { recordingPushRequests } from '../../../fakes/national-portal-fakes';
import { fakeEnqueueDeps } from '../../../fakes/notifications';
import { InMemoryWebhookDeliveryStore, RecordingWebhookQueue, SteppingClock } from '../../../fakes/portal-webhooks';
import { dossierOwing, event, T0 } from '../../../support/dossiers';

function deps() {
  return { store: new InMemoryWebhookDeliveryStore(), queue: new RecordingWebhookQueue(), clock: new SteppingClock(T0) };
}

describe('Reaction: portal-webhook', () => {
  it('is one entry of the reactions list when the container gives it its dependencies', () => {
    const clock = { now: () => T0 };
    const base = { postalOrders: async () => {}, paymentStore: new FakePaymentStore(), clock, portalPushRequests: recordingPushRequests(clock).deps, receiptRequests: async () => {}, noticeRequests: fakeEnqueueDeps(clock), deliveryStore: { get: async () => undefined } };
    expect(dossierReactions(base).map((r) => r.name)).not.toContain('portal-webhook');
    expect(dossierReactions({ ...base, webhookRequests: deps() }).map((r) => r.name).at(-1)).toBe('portal-webhook');
  });

  it('queues a push for a status change with its body, writing nothing (the consumer records the attempt); a redelivery queues the same message', async () => {
    const webhooks = deps();
    const reaction = portalWebhookReaction({ webhookRequests: webhooks });
    const paid = event('PaymentSucceeded', { paymentId: 'pay-1', provider: 'vnpay', amount: 50_000, paidAt: T0.toISOString() });
    const dossier = applyDossierEvent(dossierOwing(50_000), paid, T0).dossier;
    expect(reaction.when(dossier, paid)).toBe(true);
    await reaction.run(dossier, paid);
    await reaction.run(dossier, paid);
    expect(webhooks.store.deliveries.size).toBe(0);
    const [first, second] = webhooks.queue.sent.map((s) => s.message);
    expect(first).toMatchObject({ dossierNo: 'H31-0001', sequence: 3, attempt: 1 });
    expect(JSON.parse(first!.body!)).toMatchObject({ type: 'payment.status_changed', sequence: 3, payment: { paymentId: 'pay-1', status: 'succeeded' } });
    expect(second).toEqual(first);
  });

  it('does not run for an event that changed neither the status nor a payment', () => {
    const reaction = portalWebhookReaction({ webhookRequests: deps() });
    const refused = event('SupplementReceived', {});
    const dossier = applyDossierEvent(dossierOwing(50_000), refused, T0).dossier;
    expect(reaction.when(dossier, refused)).toBe(false);
  });
});
