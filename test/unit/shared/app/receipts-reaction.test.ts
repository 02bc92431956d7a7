import { describe, expect, it } from 'vitest';
import { receiptsReaction } from '../../../../shared/app/reactions';
import type { ReceiptRequest } from '../../../../shared/app/container/receipts';
import type { Dossier } from '../../../../shared/modules/dossiers';
import { dossierOwing, event, T0 } from '../../../support/dossiers';

function paid(amount: number, refundReview = false): Dossier {
  return { ...dossierOwing(50_000), payments: [{ paymentId: 'pay-1', provider: 'vnpay', amount, status: 'succeeded', paidAt: T0.toISOString(), ...(refundReview ? { refundReview } : {}) }] };
}

describe('Reaction: e-receipts', () => {
  it.each([
    ['fees paid in full', paid(50_000), true],
    ['paid short', paid(10_000), false],
    ['money flagged for refund review', paid(50_000, true), false],
    ['no fees owed', { ...dossierOwing(0), payments: [] }, false],
  ])('%s → queued: %s', async (_case, dossier, queued) => {
    // Prepare
    const asked: ReceiptRequest[] = [];
    const reaction = receiptsReaction({ receiptRequests: async (r) => void asked.push(r) });
    const succeeded = event('PaymentSucceeded', { paymentId: 'pay-1', provider: 'vnpay', amount: 50_000, paidAt: T0.toISOString() });
    // Act
    const runs = reaction.when(dossier, succeeded);
    if (runs) await reaction.run(dossier, succeeded);
    // Assess
    expect(runs).toBe(queued);
    expect(asked).toEqual(queued ? [{ dossierNo: 'H31-0001', paymentId: 'pay-1' }] : []);
  });

  it('only a PaymentSucceeded asks for receipts', () => {
    const reaction = receiptsReaction({ receiptRequests: async () => {} });
    expect(reaction.when(paid(50_000), event('ResultCollected', { collectedAt: T0.toISOString() }))).toBe(false);
  });
});
