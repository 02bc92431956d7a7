import { describe, expect, it } from 'vitest';
import { dossierReactions, postalOrderReaction, unwantedPaymentReaction } from '../../../../shared/app/reactions';
import type { Dossier } from '../../../../shared/modules/dossiers';
import type { Payment } from '../../../../shared/modules/payments/domain/payment';
import { FakePaymentStore } from '../../../fakes/payment-store';
import { recordingPushRequests } from '../../../fakes/national-portal-fakes';
import { fakeEnqueueDeps } from '../../../fakes/notifications';
import { dossierOwing, event, T0 } from '../../../support/dossiers';

const clock = { now: () => new Date(T0.getTime() + 60 * 60_000) };
const ready = event('ResultReady', { kind: 'paper', issuedAt: T0.toISOString() });

/** A paper result ready, with a postal return whose postage is paid: what the carrier must receive. */
function paperResultForPost(overrides: Partial<Dossier> = {}): Dossier {
  return {
    ...dossierOwing(0),
    status: 'RESULT_READY',
    result: { kind: 'paper', issuedAt: T0.toISOString() },
    delivery: { deliveryId: 'dl-1', status: 'REQUESTED', postage: 30_000, postagePayer: 'prepaid' },
    amountDue: 0,
    ...overrides,
  };
}

describe('Reactions: the app list', () => {
  it('orders the postal return first, then flags unwanted money, then pushes to the national portal', () => {
    const names = dossierReactions({ postalOrders: async () => {}, paymentStore: new FakePaymentStore(), clock, portalPushRequests: recordingPushRequests(clock).deps, receiptRequests: async () => {}, noticeRequests: fakeEnqueueDeps(clock), deliveryStore: { get: async () => undefined } }).map((r) => r.name);
    expect(names).toEqual(['postal-order', 'unwanted-payment', 'national-portal-sync', 'e-receipts', 'notify-citizen']);
  });
});

describe('Reaction: postal-order', () => {
  it.each([
    ['a paper result ready with postage paid', paperResultForPost(), true],
    ['postage still owed', paperResultForPost({ amountDue: 30_000 }), false],
    ['an electronic result', paperResultForPost({ result: { kind: 'electronic', issuedAt: T0.toISOString() } }), false],
    ['no postal return chosen', paperResultForPost({ delivery: undefined }), false],
  ])('%s → ordered: %s', async (_case, dossier, ordered) => {
    // Prepare
    const asked: string[] = [];
    const reaction = postalOrderReaction({ postalOrders: async (id) => void asked.push(id) });

    // Act
    if (reaction.when(dossier, ready)) await reaction.run(dossier, ready);

    // Assess
    expect(asked).toEqual(ordered ? ['dl-1'] : []);
  });
});

describe('Reaction: unwanted-payment', () => {
  it('flags a payment the dossier kept for refund review, once however often it runs', async () => {
    // Prepare
    const payments = new FakePaymentStore();
    payments.add({ paymentId: 'pay-2', dossierNo: 'H31-0001', provider: 'vnpay', amount: 5_000, status: 'succeeded', version: 2 } as Payment);
    const paid = event('PaymentSucceeded', { paymentId: 'pay-2', provider: 'vnpay', amount: 5_000, paidAt: T0.toISOString() });
    const dossier = paperResultForPost({ payments: [{ paymentId: 'pay-2', provider: 'vnpay', amount: 5_000, status: 'succeeded', refundReview: true }] });
    const reaction = unwantedPaymentReaction({ paymentStore: payments, clock });

    // Act
    for (let run = 0; run < 2; run++) if (reaction.when(dossier, paid)) await reaction.run(dossier, paid);

    // Assess
    expect(payments.payments.get('pay-2')).toMatchObject({ refundReview: { at: clock.now().toISOString() }, version: 3 });
    expect(payments.ledger.filter((l) => l.outcome === 'refund_review')).toHaveLength(1);
  });

  it('leaves a payment the dossier wanted alone', () => {
    const paid = event('PaymentSucceeded', { paymentId: 'pay-1', provider: 'vnpay', amount: 5_000, paidAt: T0.toISOString() });
    const dossier = paperResultForPost({ payments: [{ paymentId: 'pay-1', provider: 'vnpay', amount: 5_000, status: 'succeeded' }] });
    expect(unwantedPaymentReaction({ paymentStore: new FakePaymentStore(), clock }).when(dossier, paid)).toBe(false);
  });
});
