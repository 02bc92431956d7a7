import { describe, expect, it } from 'vitest';
import { settleTransfer } from '../../../../../../../shared/modules/payments/providers/vietqr/callback';
import { FakePaymentStore, pendingPayment } from '../../../../../../fakes/payment-store';

const NOW = new Date('2026-11-21T00:10:00Z');

function setup(status: 'pending' | 'expired' = 'pending') {
  const store = new FakePaymentStore();
  const payment = pendingPayment(1, { provider: 'vietqr', providerRef: 'TT1234567890', status });
  store.add(payment);
  const deps = { payments: store, clock: { now: () => NOW } };
  const transfer = (overrides = {}) => ({ eventId: 'evt-1', reference: 'TT1234567890', amount: 5_000, transactionId: 'FT26325123', paidAt: '2026-11-21T07:05:00+07:00', ...overrides });
  return { store, payment, deps, transfer };
}

describe('VietQR transfer notification', () => {
  it('applies a transfer for the exact amount, in UTC, and calls its repeat a duplicate', async () => {
    const { store, payment, deps, transfer } = setup();
    expect(await settleTransfer(deps, transfer())).toBe('applied');
    expect(store.events[0]).toMatchObject({ type: 'PaymentSucceeded', paidAt: '2026-11-21T00:05:00.000Z' });
    expect(store.payments.get(payment.paymentId)?.status).toBe('succeeded');
    expect(await settleTransfer(deps, transfer())).toBe('duplicate');
  });

  it.each([
    ['unmatched', { reference: 'TTNOSUCHREF00' }],
    ['amount_mismatch', { amount: 4_999 }],
  ] as const)('answers %s without paying', async (ack, overrides) => {
    const { store, deps, transfer } = setup();
    expect(await settleTransfer(deps, transfer(overrides))).toBe(ack);
    expect(store.events).toEqual([]);
  });

  it('records a transfer after expiry as late, and sends it to the dossier', async () => {
    const { store, deps, transfer } = setup('expired');
    expect(await settleTransfer(deps, transfer())).toBe('late');
    expect(store.events).toHaveLength(1);
  });
});
