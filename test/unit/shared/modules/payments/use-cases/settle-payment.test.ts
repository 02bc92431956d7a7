import { describe, expect, it } from 'vitest';
import { settlePayment, type ProviderReport } from '../../../../../../shared/modules/payments/use-cases/settle-payment';
import { FakePaymentStore, pendingPayment } from '../../../../../fakes/payment-store';
import { RetryableWriteConflict } from '../../../../../../shared/platform/dynamodb/optimistic';
import { DomainError } from '../../../../../../shared/platform/kernel/errors';
import type { UnclaimedMoney } from '../../../../../../shared/modules/payments/ports';

const deps = (store: FakePaymentStore) => ({
  payments: store,
  clock: { now: () => new Date('2026-11-21T01:00:00Z') },
});
const report = (ref: string, overrides: Partial<ProviderReport> = {}): ProviderReport => ({
  provider: 'vnpay', ref, amount: 5_000, outcome: 'cancelled', transactionId: '0', kind: 'callback', received: {}, ...overrides,
});

describe('settlePayment', () => {
  it('records every cancellation although each carries vnp_TransactionNo=0', async () => {
    const store = new FakePaymentStore();
    const [a, b] = [pendingPayment(1), pendingPayment(2)];
    store.add(a);
    store.add(b);
    expect(await settlePayment(deps(store), report(a.providerRef))).toBe('recorded_failure');
    expect(await settlePayment(deps(store), report(b.providerRef))).toBe('recorded_failure');
    expect(await settlePayment(deps(store), report(b.providerRef, { outcome: 'failed', transactionId: '' }))).toBe('already_confirmed');
    expect([store.payments.get(a.paymentId)?.status, store.payments.get(b.paymentId)?.status]).toEqual(['cancelled', 'cancelled']);
    // "0" identifies no money taken: it is kept in the ledger as received, never as the payment's transaction.
    expect(store.payments.get(a.paymentId)?.providerTransactionId).toBeUndefined();
    expect(store.transactions.size).toBe(0);
  });

  it.each(['cancelled', 'failed', 'expired'] as const)('records money taken after %s as a late success and sends it to the dossier', async (was) => {
    const store = new FakePaymentStore();
    const payment = pendingPayment(3, { status: was, failureReason: was });
    store.add(payment);
    expect(await settlePayment(deps(store), report(payment.providerRef, { outcome: 'succeeded', transactionId: '14012345' }))).toBe('late_success');
    expect(store.payments.get(payment.paymentId)).toMatchObject({ status: 'succeeded', providerTransactionId: '14012345' });
    expect(store.events).toEqual([expect.objectContaining({ type: 'PaymentSucceeded', paymentId: payment.paymentId, amount: 5_000 })]);
    // A replay of the same success changes nothing.
    expect(await settlePayment(deps(store), report(payment.providerRef, { outcome: 'succeeded', transactionId: '14012345' }))).toBe('already_confirmed');
    expect(store.events).toHaveLength(1);
  });

  it('decides again on fresh state when a concurrent callback wrote first', async () => {
    // Prepare: the first write loses to a cancel that lands in between.
    const store = new FakePaymentStore();
    const payment = pendingPayment(4);
    store.add(payment);
    const settle = store.settle.bind(store);
    let raced = false;
    store.settle = async (s) => {
      if (!raced) {
        raced = true;
        store.payments.set(payment.paymentId, { ...payment, status: 'cancelled', version: 2 });
      }
      return settle(s);
    };
    // Act: a success arrives; its first round read the pending payment.
    const result = await settlePayment(deps(store), report(payment.providerRef, { outcome: 'succeeded', transactionId: '14012345' }));
    // Assess: the second round saw the cancel, so the money is a late success, not a lost write.
    expect(result).toBe('late_success');
    expect(store.payments.get(payment.paymentId)).toMatchObject({ status: 'succeeded', version: 3 });
  });

  it('lets a conflict that never ends escape as a retry signal (a 500), never as a 409', async () => {
    const store = new FakePaymentStore();
    const payment = pendingPayment(5);
    store.add(payment);
    store.settle = async () => {
      throw new RetryableWriteConflict('always moved');
    };
    const error = await settlePayment(deps(store), report(payment.providerRef)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryableWriteConflict);
    expect(error).not.toBeInstanceOf(DomainError);
  });
});

describe('settlePayment: money taken but not the payment\'s, raised for finance', () => {
  function raising(store: FakePaymentStore) {
    const raised: UnclaimedMoney[] = [];
    return { raised, deps: { ...deps(store), raiseUnclaimedMoney: async (money: UnclaimedMoney) => void raised.push(money) } };
  }

  it('raises a success at the wrong amount as an amount mismatch, with the payment flagged; a failure at it raises nothing', async () => {
    const store = new FakePaymentStore();
    const payment = pendingPayment(6);
    store.add(payment);
    const { raised, deps: withFinance } = raising(store);
    expect(await settlePayment(withFinance, report(payment.providerRef, { outcome: 'failed', amount: 4_000, transactionId: '' }))).toBe('amount_mismatch');
    expect(raised).toEqual([]);
    expect(await settlePayment(withFinance, report(payment.providerRef, { outcome: 'succeeded', amount: 4_000, transactionId: '14010001', paidAt: '2026-11-21T00:20:00.000Z' }))).toBe('amount_mismatch');
    expect(raised).toEqual([{ kind: 'amount_mismatch', payment: expect.objectContaining({ paymentId: payment.paymentId }), amount: 4_000, transactionId: '14010001', paidAt: '2026-11-21T00:20:00.000Z' }]);
    expect(store.payments.get(payment.paymentId)).toMatchObject({ status: 'pending', refundReview: { reason: 'amount 4000 ≠ 5000' } });
  });

  it.each([
    ['the same amount', 5_000],
    ['another amount', 7_000],
  ])('takes a second transaction of %s under a paid payment as a second success: its own money, the paid payment untouched', async (_case, amount) => {
    // Prepare: paid by transaction 14010001.
    const store = new FakePaymentStore();
    const payment = pendingPayment(7);
    store.add(payment);
    const { raised, deps: withFinance } = raising(store);
    expect(await settlePayment(withFinance, report(payment.providerRef, { outcome: 'succeeded', transactionId: '14010001' }))).toBe('applied');
    const paid = store.payments.get(payment.paymentId)!;
    // Act: another transaction under the same reference, and a replay of the first.
    const second = await settlePayment(withFinance, report(payment.providerRef, { outcome: 'succeeded', amount, transactionId: '14010002' }));
    const replay = await settlePayment(withFinance, report(payment.providerRef, { outcome: 'succeeded', transactionId: '14010001' }));
    // Assess: the paid payment is not reviewed or rewritten; the second money is raised once, by its own transaction.
    expect([second, replay]).toEqual(['already_confirmed', 'already_confirmed']);
    expect(store.payments.get(payment.paymentId)).toBe(paid);
    expect(paid.refundReview).toBeUndefined();
    expect(raised).toEqual([{ kind: 'second_transaction', payment: paid, amount, transactionId: '14010002' }]);
    expect(store.ledger.at(-2)?.outcome).toBe('duplicate_success_refund_review');
  });

  it('lets a failure to raise escape, so the provider is answered "try again" and it is raised on the retry', async () => {
    const store = new FakePaymentStore();
    const payment = pendingPayment(8);
    store.add(payment);
    const failing = { ...deps(store), raiseUnclaimedMoney: async () => Promise.reject(new Error('finance table unavailable')) };
    await expect(settlePayment(failing, report(payment.providerRef, { outcome: 'succeeded', amount: 4_000, transactionId: '14010003' }))).rejects.toThrow('finance table unavailable');
    const { raised, deps: withFinance } = raising(store);
    expect(await settlePayment(withFinance, report(payment.providerRef, { outcome: 'succeeded', amount: 4_000, transactionId: '14010003' }))).toBe('amount_mismatch');
    expect(raised).toHaveLength(1);
  });
});
