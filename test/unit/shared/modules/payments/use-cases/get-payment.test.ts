import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../../../../shared/platform/kernel/errors';
import { getPayment } from '../../../../../../shared/modules/payments/use-cases/get-payment';
import { FakePaymentStore, pendingPayment } from '../../../../../fakes/payment-store';

describe('getPayment', () => {
  const store = new FakePaymentStore();
  const payment = pendingPayment(1, { qr: undefined, redirectUrl: 'https://gw.example/pay?x=1' });
  store.add(payment);

  it("shows the citizen their own payment, without what only we keep (citizen, returnUrl, version)", async () => {
    const view = await getPayment(store, { kind: 'citizen', citizenId: payment.citizenId }, payment.paymentId);
    expect(view).toEqual({
      paymentId: payment.paymentId, dossierNo: payment.dossierNo, dossierNos: [payment.dossierNo], shares: [{ dossierNo: payment.dossierNo, amount: 5_000 }], provider: 'vnpay', amount: 5_000, currency: 'VND', status: 'pending',
      redirectUrl: 'https://gw.example/pay?x=1', expiresAt: payment.expiresAt, createdAt: payment.createdAt,
    });
  });

  it.each([
    ['another citizen', { kind: 'citizen' as const, citizenId: '001099000001' }, 'pay_000000000000000000000001'],
    ['an agency', { kind: 'agency' as const, agencyCode: 'HP-STP' }, 'pay_000000000000000000000001'],
    ['anyone, for an unknown id', { kind: 'citizen' as const, citizenId: '079099012345' }, 'pay_000000000000000000000404'],
  ])('answers %s as if the payment did not exist', async (_who, principal, paymentId) => {
    await expect(getPayment(store, principal as never, paymentId)).rejects.toBeInstanceOf(NotFoundError);
  });
});
