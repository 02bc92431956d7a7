import { describe, expect, it } from 'vitest';
import { answerConfirm } from '../../../../../../../shared/modules/payments/providers/national-platform/callback';
import { ConfirmReply, maXacThuc, signed, verifyMaXacThuc } from '../../../../../../../shared/modules/payments/providers/national-platform/protocol';
import type { NationalPlatformSettings } from '../../../../../../../shared/modules/payments/providers/national-platform/settings';
import type { PlatformConfirm } from '../../../../../../../shared/modules/payments/providers/national-platform/api';
import type { UnclaimedMoney } from '../../../../../../../shared/modules/payments/ports';
import { FakePaymentStore, pendingPayment } from '../../../../../../fakes/payment-store';

const NOW = new Date('2026-11-21T02:10:00Z');
const platform: NationalPlatformSettings = {
  partnerCode: 'TOANTRINH-HP', secret: 'confirm-secret', apiUrl: 'https://pp.example/api', beneficiary: { accountNo: '3511', bankCode: 'KBNN', accountName: 'KHO BAC' },
};

function setup() {
  const store = new FakePaymentStore();
  const payment = pendingPayment(1, { provider: 'national_platform', amount: 150_000 });
  store.add(payment);
  const raised: UnclaimedMoney[] = [];
  const deps = { payments: store, clock: { now: () => NOW }, raiseUnclaimedMoney: async (money: UnclaimedMoney) => void raised.push(money) };
  /** The platform's Confirm, signed like the platform signs it (or with another secret: a forgery). */
  const confirm = (overrides: Partial<PlatformConfirm> = {}, secret = platform.secret): PlatformConfirm =>
    signed(
      {
        LoaiBanTin: 'CONFIRM', MaLoi: '00', MaDoiTac: platform.partnerCode, MaThamChieu: payment.providerRef, SoTien: '150000', MaTienTe: 'VND',
        MaGiaoDich: 'PP2611210001', MaNganHang: 'VCB', ThoiGianGD: '20261121090900', ThongTinGiaoDich: 'Thanh toan phi ho so H31.26-1', ...overrides,
      },
      'confirm',
      secret,
    );
  const answer = (body: PlatformConfirm) => answerConfirm(deps, async () => platform, body);
  return { store, payment, confirm, answer, raised, deps };
}

describe('National platform Confirm', () => {
  it('settles a signed success once, replies 00 signed by us, then 02 to its replay', async () => {
    // Prepare
    const { store, payment, confirm, answer } = setup();
    const body = confirm();
    // Act
    const first = await answer(body);
    const replay = await answer(body);
    // Assess
    expect(first).toMatchObject({ MaLoi: '00', MaDoiTac: platform.partnerCode, MaThamChieu: payment.providerRef, ThoiGianGD: '20261121090900' });
    expect(verifyMaXacThuc(first, 'confirmReply', platform.secret)).toBe(true);
    expect(first.MaXacThuc).not.toBe(body.MaXacThuc);
    expect(store.payments.get(payment.paymentId)).toMatchObject({ status: 'succeeded', providerTransactionId: 'PP2611210001', completedAt: NOW.toISOString() });
    expect(store.events).toEqual([expect.objectContaining({ type: 'PaymentSucceeded', paymentId: payment.paymentId, amount: 150_000, paidAt: '2026-11-21T02:09:00.000Z' })]);
    expect(replay.MaLoi).toBe(ConfirmReply.ALREADY_CONFIRMED.MaLoi);
    expect(store.events).toHaveLength(1);
  });

  it('stops a replay of the same transaction on another payment (MaGiaoDich is a unique key)', async () => {
    const { store, confirm, answer } = setup();
    const other = pendingPayment(2, { provider: 'national_platform', amount: 150_000 });
    store.add(other);
    expect((await answer(confirm())).MaLoi).toBe('00');
    expect((await answer(confirm({ MaThamChieu: other.providerRef }))).MaLoi).toBe('02');
    expect(store.payments.get(other.paymentId)?.status).toBe('pending');
  });

  it.each([
    ['a forged checksum (another secret)', (c: ReturnType<typeof setup>['confirm']) => c({}, 'not-the-secret'), '97'],
    ['a tampered amount', (c: ReturnType<typeof setup>['confirm']) => ({ ...c(), SoTien: '15000' }), '97'],
    ['a tampered result', (c: ReturnType<typeof setup>['confirm']) => ({ ...c({ MaLoi: '01' }), MaLoi: '00' }), '97'],
    ['no checksum', (c: ReturnType<typeof setup>['confirm']) => ({ ...c(), MaXacThuc: undefined }), '97'],
    ['another partner, correctly signed', (c: ReturnType<typeof setup>['confirm']) => c({ MaDoiTac: 'SOMEONE-ELSE' }), '97'],
    ['an unknown reference', (c: ReturnType<typeof setup>['confirm']) => c({ MaThamChieu: 'NOSUCHREFERENCE' }), '01'],
    ['another amount, correctly signed', (c: ReturnType<typeof setup>['confirm']) => c({ SoTien: '15000' }), '04'],
    ['another currency', (c: ReturnType<typeof setup>['confirm']) => c({ MaTienTe: 'USD' }), '04'],
  ])('answers %s with %s and leaves the payment unpaid', async (_case, build, maLoi) => {
    const { store, payment, confirm, answer } = setup();
    const reply = await answer(build(confirm));
    expect(reply.MaLoi).toBe(maLoi);
    expect(verifyMaXacThuc(reply, 'confirmReply', platform.secret)).toBe(true);
    expect(store.payments.get(payment.paymentId)?.status).toBe('pending');
    expect(store.events).toHaveLength(0);
  });

  it('flags money taken at the wrong amount for refund review and raises it for the exceptions queue', async () => {
    const { store, payment, confirm, answer, raised } = setup();
    const reply = await answer(confirm({ SoTien: '15000' }));
    expect(reply.MaLoi).toBe('04');
    expect(raised).toEqual([{ kind: 'amount_mismatch', payment, amount: 15_000, transactionId: 'PP2611210001', paidAt: '2026-11-21T02:09:00.000Z' }]);
    expect(store.payments.get(payment.paymentId)?.refundReview).toEqual({ reason: 'amount 15000 ≠ 150000', at: NOW.toISOString() });
  });

  it('answers 99 when raising the wrong amount fails, so the platform asks again and it is raised then', async () => {
    const { confirm, deps } = setup();
    const failing = { ...deps, raiseUnclaimedMoney: async () => Promise.reject(new Error('table unavailable')) };
    expect((await answerConfirm(failing, async () => platform, confirm({ SoTien: '15000' }))).MaLoi).toBe('99');
  });

  it('raises nothing for a failed attempt at the wrong amount (no money was taken)', async () => {
    const { confirm, answer, raised } = setup();
    const reply = await answer(confirm({ SoTien: '15000', MaLoi: '01' }));
    expect(reply.MaLoi).toBe('04');
    expect(raised).toEqual([]);
  });

  it('records a failed payment and answers 00, so the platform stops', async () => {
    const { store, payment, confirm, answer } = setup();
    expect((await answer(confirm({ MaLoi: '01' }))).MaLoi).toBe('00');
    expect(store.payments.get(payment.paymentId)).toMatchObject({ status: 'failed', failureReason: 'failed' });
  });

  it('answers 99, signed, when the write fails, so the platform asks again', async () => {
    const { store, confirm, answer } = setup();
    store.settle = async () => {
      throw new Error('table unavailable');
    };
    const reply = await answer(confirm());
    expect(reply.MaLoi).toBe('99');
    expect(verifyMaXacThuc(reply, 'confirmReply', platform.secret)).toBe(true);
  });

  it('answers 99 unsigned when our secret cannot be read (there is nothing to sign with)', async () => {
    const { confirm } = setup();
    const store = new FakePaymentStore();
    const deps = { payments: store, clock: { now: () => NOW } };
    const reply = await answerConfirm(deps, async () => Promise.reject(new Error('SSM unavailable')), confirm());
    expect(reply).toMatchObject({ MaLoi: '99', MaXacThuc: '' });
  });

  it('signs its reply over what it answers: the reply of a refusal is not the reply of an acceptance', async () => {
    const { confirm, answer } = setup();
    const refused = await answer(confirm({ SoTien: '15000' }));
    expect(refused.MaXacThuc).toBe(maXacThuc({ MaLoi: '04', MaDoiTac: platform.partnerCode, MaThamChieu: refused.MaThamChieu, ThoiGianGD: refused.ThoiGianGD }, 'confirmReply', platform.secret));
  });
});

describe('National platform Confirm: finding the payment', () => {
  it('asks the store for the payment its MaThamChieu names (one read), a hint the store checks', async () => {
    const { store, payment, confirm, answer } = setup();
    const asked: (string | undefined)[] = [];
    const find = store.findByProviderRef.bind(store);
    store.findByProviderRef = async (provider, ref, paymentId?: string) => (asked.push(paymentId), find(provider, ref));
    await answer(confirm());
    expect(asked).toEqual([payment.paymentId]);
    expect(store.payments.get(payment.paymentId)?.status).toBe('succeeded');
  });
});
