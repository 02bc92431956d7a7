import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../../../../shared/modules/dossiers/domain/dossier';
import { applyDossierEvent } from '../../../../../../shared/modules/dossiers/domain/apply-event';
import type { DossierStore } from '../../../../../../shared/modules/dossiers/ports';
import type { DossierEvent } from '../../../../../../shared/modules/dossiers/api/dossier-events';
import type { Payment } from '../../../../../../shared/modules/payments/domain/payment';
import { BasketDossierNotYoursError, DossiersNotPayableError } from '../../../../../../shared/modules/payments/domain/basket';
import { createBasketPayment, createPayment, AmountOverProviderLimitError } from '../../../../../../shared/modules/payments/use-cases/create-payment';
import { settlePayment, type ProviderReport } from '../../../../../../shared/modules/payments/use-cases/settle-payment';
import { reconcilePayments } from '../../../../../../shared/modules/payments/use-cases/reconcile-payments';
import { receiptsReaction } from '../../../../../../shared/app/reactions';
import type { ReceiptRequest } from '../../../../../../shared/app/container/receipts';
import type { DomainError } from '../../../../../../shared/platform/kernel/errors';
import { FakePaymentStore } from '../../../../../fakes/payment-store';
import { expiryMinutesOfEvery, stubProvider, stubProviders } from '../../../../../fakes/payment-provider';
import { dossierOwing, T0 } from '../../../../../support/dossiers';

const CITIZEN = '031099012345';
const OTHER_CITIZEN = '001099000001';
const PORTAL = 'https://portal.example.vn';
const NOW = new Date(T0.getTime() + 60_000);
const me = { kind: 'citizen' as const, citizenId: CITIZEN };

/** A dossier of the citizen awaiting payment of phí and lệ phí. */
function owing(dossierNo: string, fee: number, charge: number, overrides: Partial<Dossier> = {}): Dossier {
  const base = dossierOwing(fee + charge);
  const items = [
    { ...base.fees.items[0]!, kind: 'fee' as const, code: 'fee', amount: fee },
    { ...base.fees.items[0]!, kind: 'charge' as const, code: 'charge', amount: charge },
  ];
  return { ...base, dossierNo, fees: { ...base.fees, items }, ...overrides };
}

function setup(dossiers: readonly Dossier[], maxAmount = 9_999_999_999) {
  const byNo = new Map(dossiers.map((d) => [d.dossierNo, d]));
  const orderInfos: string[] = [];
  const payments = new FakePaymentStore();
  const provider = (name: 'vnpay' | 'vietqr') =>
    stubProvider(name, { maxAmount, start: async (_p, context) => (orderInfos.push(context.orderInfo), { redirectUrl: 'https://gw.example/pay' }) });
  const deps = {
    dossiers: { get: async (no: string) => byNo.get(no) } as unknown as DossierStore,
    payments,
    providers: stubProviders({ vnpay: provider('vnpay'), vietqr: provider('vietqr') }),
    expiryMinutes: expiryMinutesOfEvery(30, { vnpay: 15, vietqr: 60 }),
    returnOrigins: [PORTAL],
    clock: { now: () => NOW },
  };
  const basket = (dossierNos: string[], principal: { kind: 'citizen'; citizenId: string } = me, key = 'key-1') =>
    createBasketPayment(deps, principal, { dossierNos, provider: 'vnpay', returnUrl: `${PORTAL}/r` }, key, '1.2.3.4');
  return { deps, payments, basket, orderInfos, byNo };
}

const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as DomainError);

const settleDeps = (payments: FakePaymentStore) => ({ payments, clock: { now: () => NOW } });
const report = (payment: Payment, overrides: Partial<ProviderReport> = {}): ProviderReport => ({
  provider: 'vnpay', ref: payment.providerRef, amount: payment.amount, outcome: 'succeeded', transactionId: '14012345', paidAt: NOW.toISOString(), kind: 'callback', received: {}, ...overrides,
});

describe('createBasketPayment', () => {
  it('makes one payment for the sum of the amounts due, recording each dossier\u2019s share by fee kind', async () => {
    const { basket, payments, orderInfos } = setup([owing('H31-A', 30_000, 20_000), owing('H31-B', 0, 15_000)]);
    const result = await basket(['H31-A', 'H31-B']);
    expect(result.statusCode).toBe(201);
    expect(result.body).toMatchObject({ amount: 65_000, dossierNo: 'H31-A', dossierNos: ['H31-A', 'H31-B'], shares: [{ dossierNo: 'H31-A', amount: 50_000 }, { dossierNo: 'H31-B', amount: 15_000 }] });
    expect(payments.payments.get(result.body.paymentId)?.shares).toEqual([
      { dossierNo: 'H31-A', amount: 50_000, byFeeKind: { fee: 30_000, charge: 20_000 } },
      { dossierNo: 'H31-B', amount: 15_000, byFeeKind: { charge: 15_000 } },
    ]);
    expect(orderInfos).toEqual(['Thanh toan phi 2 ho so H31-A H31-B']);
  });

  it('refuses a dossier of another citizen (403, named) and writes nothing', async () => {
    const { basket, payments } = setup([owing('H31-A', 5_000, 0), owing('H31-B', 5_000, 0, { applicant: { ...dossierOwing(1).applicant, citizenId: OTHER_CITIZEN } })]);
    const error = await refusal(basket(['H31-A', 'H31-B']));
    expect(error).toBeInstanceOf(BasketDossierNotYoursError);
    expect(error?.details).toEqual([{ path: 'dossierNos.1', message: 'H31-B is not a dossier of yours' }]);
    expect(payments.payments.size).toBe(0);
  });

  it('refuses a dossier already in another live payment (409, named with that payment), and answers the same basket with its payment', async () => {
    const { basket, deps } = setup([owing('H31-A', 5_000, 0), owing('H31-B', 7_000, 0), owing('H31-C', 9_000, 0)]);
    const single = await createPayment(deps, me, 'H31-B', { provider: 'vnpay', returnUrl: `${PORTAL}/r` }, 'key-0', '1.2.3.4');
    const error = await refusal(basket(['H31-A', 'H31-B'], me, 'key-1'));
    expect(error).toBeInstanceOf(DossiersNotPayableError);
    expect(error?.details).toEqual([{ path: 'dossierNos.1', message: `H31-B is in live payment ${single.body.paymentId} until ${single.body.expiresAt}` }]);

    const first = await basket(['H31-A', 'H31-C'], me, 'key-2');
    const again = await basket(['H31-C', 'H31-A'], me, 'key-3');
    expect([first.statusCode, again.statusCode, again.body.paymentId]).toEqual([201, 200, first.body.paymentId]);
    // One dossier's route answers the live basket that pays it.
    const alone = await createPayment(deps, me, 'H31-C', { provider: 'vnpay', returnUrl: `${PORTAL}/r` }, 'key-4', '1.2.3.4');
    expect([alone.statusCode, alone.body.paymentId, alone.body.dossierNos]).toEqual([200, first.body.paymentId, ['H31-A', 'H31-C']]);
  });

  it('holds the provider\u2019s limit against the whole basket', async () => {
    const { basket } = setup([owing('H31-A', 6_000, 0), owing('H31-B', 6_000, 0)], 10_000);
    expect(await refusal(basket(['H31-A', 'H31-B']))).toBeInstanceOf(AmountOverProviderLimitError);
  });
});

describe('Settling a basket', () => {
  async function paidBasket() {
    const h = setup([owing('H31-A', 30_000, 20_000), owing('H31-B', 0, 15_000)]);
    const created = await h.basket(['H31-A', 'H31-B']);
    return { ...h, payment: h.payments.payments.get(created.body.paymentId)! };
  }

  it('settles every dossier by the one confirmation: one write, one event per dossier for its share, ids apart', async () => {
    const { payments, payment } = await paidBasket();
    const writes = payments.writes;
    expect(await settlePayment(settleDeps(payments), report(payment))).toBe('applied');
    expect(payments.writes - writes).toBe(1);
    expect(payments.events.map((e) => [e.type, e.dossierNo, e.id, e.type === 'PaymentSucceeded' ? e.amount : 0])).toEqual([
      ['PaymentSucceeded', 'H31-A', `payment-succeeded-${payment.paymentId}-H31-A`, 50_000],
      ['PaymentSucceeded', 'H31-B', `payment-succeeded-${payment.paymentId}-H31-B`, 15_000],
    ]);
  });

  it('settles none on a tampered amount, and keeps the money for refund review', async () => {
    const { payments, payment } = await paidBasket();
    expect(await settlePayment(settleDeps(payments), report(payment, { amount: 50_000 }))).toBe('amount_mismatch');
    expect(payments.events).toEqual([]);
    expect(payments.payments.get(payment.paymentId)).toMatchObject({ status: 'pending', refundReview: { reason: 'amount 50000 ≠ 65000' } });
  });

  it('records a failure for every dossier', async () => {
    const { payments, payment } = await paidBasket();
    expect(await settlePayment(settleDeps(payments), report(payment, { outcome: 'cancelled', transactionId: '0' }))).toBe('recorded_failure');
    expect(payments.events.map((e) => [e.type, e.dossierNo])).toEqual([['PaymentFailed', 'H31-A'], ['PaymentFailed', 'H31-B']]);
  });

  it('moves both dossiers to PROCESSING, and each asks for its own receipts', async () => {
    const { payments, payment, byNo } = await paidBasket();
    await settlePayment(settleDeps(payments), report(payment));
    const asked: ReceiptRequest[] = [];
    const reaction = receiptsReaction({ receiptRequests: async (r) => void asked.push(r) });
    const statuses: string[] = [];
    for (const event of payments.events) {
      const after = applyDossierEvent(byNo.get(event.dossierNo)!, event, NOW).dossier;
      statuses.push(after.status);
      if (reaction.when(after, event)) await reaction.run(after, event);
    }
    expect(statuses).toEqual(['PROCESSING', 'PROCESSING']);
    expect(asked).toEqual([{ dossierNo: 'H31-A', paymentId: payment.paymentId }, { dossierNo: 'H31-B', paymentId: payment.paymentId }]);
  });

  it('is re-emitted by reconciliation only for the dossier that never recorded it, and confirmed once both do', async () => {
    const { payments, payment, byNo } = await paidBasket();
    await settlePayment(settleDeps(payments), report(payment));
    const [forA] = payments.events;
    const recorded = new Map(byNo);
    recorded.set('H31-A', applyDossierEvent(byNo.get('H31-A')!, forA!, NOW).dossier);
    const enqueued: DossierEvent[] = [];
    const deps = {
      payments,
      dossiers: { get: async (no: string) => recorded.get(no), enqueue: async (events: readonly DossierEvent[]) => void enqueued.push(...events) },
      clock: { now: () => new Date(NOW.getTime() + 3_600_000) },
    };
    expect(await reconcilePayments(deps, 30 * 60_000)).toMatchObject({ checked: 1, confirmed: 0, reemitted: 1 });
    expect(enqueued.map((e) => [e.id, e.dossierNo, e.type === 'PaymentSucceeded' && e.amount])).toEqual([[`payment-succeeded-${payment.paymentId}-H31-B`, 'H31-B', 15_000]]);

    recorded.set('H31-B', applyDossierEvent(byNo.get('H31-B')!, enqueued[0]!, NOW).dossier);
    expect(await reconcilePayments(deps, 30 * 60_000)).toMatchObject({ checked: 1, confirmed: 1, reemitted: 0 });
  });
});
