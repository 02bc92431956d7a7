import { describe, expect, it } from 'vitest';
import type { Payment } from '../../../../../../shared/modules/payments';
import type { ProviderStatus } from '../../../../../../shared/modules/payments/ports';
import { answerIpn } from '../../../../../../shared/modules/payments/providers/vnpay/callback';
import { signParams, toVnpAmount } from '../../../../../../shared/modules/payments/providers/vnpay/protocol';
import { answerConfirm } from '../../../../../../shared/modules/payments/providers/national-platform/callback';
import { signed } from '../../../../../../shared/modules/payments/providers/national-platform/protocol';
import { expirePayments } from '../../../../../../shared/modules/payments/use-cases/expire-payments';
import { settlePayment, type SettleDeps } from '../../../../../../shared/modules/payments/use-cases/settle-payment';
import { raiseUnclaimedMoney } from '../../../../../../shared/modules/finance/use-cases/unclaimed-money';
import { resolveException } from '../../../../../../shared/modules/finance/use-cases/exceptions';
import { vietnamTimestamp } from '../../../../../../shared/platform/kernel/time';
import { InMemoryFinanceStore } from '../../../../../fakes/finance-store';
import { FakePaymentStore, pendingPayment } from '../../../../../fakes/payment-store';
import { stubProvider, stubProviders } from '../../../../../fakes/payment-provider';

/**
 * Money taken but not the payment's, through settlement into the exceptions queue, as the container
 * wires it: whichever path finds it (a callback, the expiry job's status query), one exception.
 */
const NOW = new Date('2026-11-21T02:00:00Z');
const PAID_AT = new Date('2026-11-21T01:50:00Z');
const clock = { now: () => NOW };
const vnpaySettings = { tmnCode: 'TMN00001', hashSecret: 'ipn-secret', gatewayUrl: 'https://gw.example/pay', apiUrl: 'https://gw.example/api', returnUrl: 'https://api.example/r' };
const platform = { partnerCode: 'TOANTRINH-HP', secret: 'confirm-secret', apiUrl: 'https://pp.example/api', beneficiary: { accountNo: '3511', bankCode: 'KBNN', accountName: 'KHO BAC' } };

function setup(payment: Payment) {
  const store = new FakePaymentStore();
  store.add(payment);
  const finance = new InMemoryFinanceStore();
  const deps: SettleDeps = {
    payments: store, clock,
    raiseUnclaimedMoney: async (money) => void (await raiseUnclaimedMoney({ finance, clock }, money)),
  };
  return { store, finance, deps };
}

/** The provider's word that it took `amount` under `payment`'s reference by `transactionNo`, as each callback carries it. */
const callbacks = {
  vnpay: (deps: SettleDeps, payment: Payment, amount: number, transactionNo: string) =>
    answerIpn(deps, async () => vnpaySettings, signParams({
      vnp_Amount: toVnpAmount(amount), vnp_ResponseCode: '00', vnp_TransactionStatus: '00', vnp_TmnCode: vnpaySettings.tmnCode, vnp_TxnRef: payment.providerRef,
      vnp_TransactionNo: transactionNo, vnp_PayDate: vietnamTimestamp(PAID_AT), vnp_BankCode: 'NCB',
    }, vnpaySettings.hashSecret)).then((reply) => reply.RspCode),
  national_platform: (deps: SettleDeps, payment: Payment, amount: number, transactionNo: string) =>
    answerConfirm(deps, async () => platform, signed({
      LoaiBanTin: 'CONFIRM', MaLoi: '00', MaDoiTac: platform.partnerCode, MaThamChieu: payment.providerRef, SoTien: String(amount), MaTienTe: 'VND',
      MaGiaoDich: transactionNo, MaNganHang: 'VCB', ThoiGianGD: vietnamTimestamp(PAID_AT), ThongTinGiaoDich: 'Thanh toan phi ho so',
    }, 'confirm', platform.secret)).then((reply) => reply.MaLoi),
} as const;

/** The expiry job, its provider's status query answering that money was taken (counting the questions). */
function expiryJob(deps: SettleDeps, payment: Payment, answer: ProviderStatus) {
  let asked = 0;
  const provider = stubProvider(payment.provider, { query: async () => (asked++, answer) });
  return { run: () => expirePayments({ ...deps, providers: stubProviders({ [payment.provider]: provider }) }, clock), asked: () => asked };
}

describe('Money taken at the wrong amount, found by a status query and by a callback', () => {
  it.each([
    ['vnpay', 'query first', '04'],
    ['vnpay', 'callback first', '04'],
    ['national_platform', 'query first', '04'],
    ['national_platform', 'callback first', '04'],
  ] as const)('%s, %s: one amount_mismatch with its money booked once; the payment expires and is not asked again', async (provider, order, wrongAmountReply) => {
    // Prepare: 5,000 due; the provider took 4,000 by transaction 14010001; the payment is past its expiry.
    const payment = pendingPayment(1, { provider, expiresAt: '2026-11-21T01:30:00.000Z' });
    const { store, finance, deps } = setup(payment);
    const job = expiryJob(deps, payment, { outcome: 'succeeded', amount: 4_000, transactionId: '14010001', paidAt: PAID_AT.toISOString(), received: {} });
    const callback = () => callbacks[provider](deps, payment, 4_000, '14010001');

    // Act
    const replies: string[] = [];
    if (order === 'query first') await job.run();
    replies.push(await callback());
    if (order === 'callback first') await job.run();
    replies.push(await callback());
    await job.run();

    // Assess
    expect(replies).toEqual([wrongAmountReply, wrongAmountReply]);
    expect(await finance.exceptions('HP-STP', 'open')).toEqual([
      expect.objectContaining({ kind: 'amount_mismatch', paymentId: payment.paymentId, amount: 4_000, transactionId: '14010001', provider, dossierNo: payment.dossierNo }),
    ]);
    expect([...finance.entries.values()]).toEqual([expect.objectContaining({ amount: 4_000, byFeeKind: { unallocated: 4_000 }, transactionId: '14010001', at: PAID_AT.toISOString() })]);
    expect(store.payments.get(payment.paymentId)).toMatchObject({ status: 'expired', refundReview: { reason: 'amount 4000 ≠ 5000' } });
    expect(job.asked()).toBe(1);
    expect(await finance.countOpenForDossier(payment.dossierNo)).toBe(1);
  });
});

describe('A basket\u2019s money that is none of its dossiers\u2019 own', () => {
  const basket = (status: Payment['status'] = 'pending'): Payment => pendingPayment(2, {
    provider: 'vietqr', amount: 80_000, dossierNo: 'H31-A', status,
    shares: [{ dossierNo: 'H31-A', amount: 50_000, byFeeKind: { fee: 50_000 } }, { dossierNo: 'H31-B', amount: 30_000, byFeeKind: { fee: 30_000 } }],
    ...(status === 'succeeded' ? { providerTransactionId: 'FT-1' } : {}),
  });
  const transfer = (payment: Payment, amount: number, transactionId: string) => ({
    provider: 'vietqr' as const, ref: payment.providerRef, amount, outcome: 'succeeded' as const, transactionId, paidAt: PAID_AT.toISOString(), kind: 'callback' as const, received: {},
  });

  it('shows one amount_mismatch open on every dossier of the basket, listed once, and resolved on all by one resolution', async () => {
    const payment = basket();
    const { finance, deps } = setup(payment);
    expect(await settlePayment(deps, transfer(payment, 50_000, 'FT-WRONG'))).toBe('amount_mismatch');
    expect(await settlePayment(deps, transfer(payment, 50_000, 'FT-WRONG'))).toBe('amount_mismatch');

    const open = await finance.exceptions('HP-STP', 'open');
    expect(open).toEqual([expect.objectContaining({ kind: 'amount_mismatch', amount: 50_000, dossierNo: 'H31-A', dossierNos: ['H31-A', 'H31-B'] })]);
    expect([await finance.countOpenForDossier('H31-A'), await finance.countOpenForDossier('H31-B')]).toEqual([1, 1]);

    const dossiers = { get: async () => undefined };
    await resolveException({ finance, dossiers, clock }, { kind: 'agency', agencyCode: 'HP-STP' }, open[0]!.exceptionId, { kind: 'note', note: 'hoàn tiền tại quầy' });
    expect([await finance.countOpenForDossier('H31-A'), await finance.countOpenForDossier('H31-B')]).toEqual([0, 0]);
  });

  it('takes a second transfer of a wrong amount under a paid basket as a second success of its own money, shown on each dossier', async () => {
    const payment = basket('succeeded');
    const { store, finance, deps } = setup(payment);
    expect(await settlePayment(deps, transfer(payment, 12_000, 'FT-SECOND'))).toBe('already_confirmed');
    expect(store.payments.get(payment.paymentId)?.refundReview).toBeUndefined();
    expect(await finance.exceptions('HP-STP', 'open')).toEqual([
      expect.objectContaining({ kind: 'second_success', amount: 12_000, transactionId: 'FT-SECOND', dossierNos: ['H31-A', 'H31-B'], entryId: `col_${payment.paymentId}_FT-SECOND` }),
    ]);
    expect(finance.entries.get(`col_${payment.paymentId}_FT-SECOND`)).toMatchObject({ amount: 12_000, byFeeKind: { unallocated: 12_000 } });
    expect([await finance.countOpenForDossier('H31-A'), await finance.countOpenForDossier('H31-B')]).toEqual([1, 1]);
  });
});
