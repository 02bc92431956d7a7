import { describe, expect, it } from 'vitest';
import { BusinessRuleError, InvalidInputError, NotFoundError } from '../../../../../../../shared/platform/kernel/errors';
import { answerIpn, returnRedirect } from '../../../../../../../shared/modules/payments/providers/vnpay/callback';
import { IpnReply, signParams, toVnpAmount, type VnpParams } from '../../../../../../../shared/modules/payments/providers/vnpay/protocol';
import type { VnpaySettings } from '../../../../../../../shared/modules/payments/providers/vnpay/settings';
import { FakePaymentStore, pendingPayment, unusedOutbox } from '../../../../../../fakes/payment-store';

const NOW = new Date('2026-11-21T00:10:00Z');
const vnpay: VnpaySettings = { tmnCode: 'TMN00001', hashSecret: 'ipn-secret', gatewayUrl: 'https://gw.example/pay', apiUrl: 'https://gw.example/api', returnUrl: 'https://api.example/r' };

function setup() {
  const store = new FakePaymentStore();
  const payment = pendingPayment(1);
  store.add(payment);
  const deps = { payments: store, outbox: unusedOutbox, publisher: { publish: async () => undefined }, clock: { now: () => NOW } };
  const ipn = (overrides: Partial<VnpParams> = {}, secret = vnpay.hashSecret) =>
    signParams({ vnp_TmnCode: vnpay.tmnCode, vnp_TxnRef: payment.providerRef, vnp_Amount: toVnpAmount(payment.amount), vnp_ResponseCode: '00', vnp_TransactionStatus: '00', vnp_TransactionNo: '14012345', vnp_PayDate: '20261121070500', ...overrides }, secret);
  return { store, payment, deps, ipn, answer: (params: VnpParams) => answerIpn(deps, async () => vnpay, params) };
}

describe('VNPay IPN', () => {
  it('confirms a signed success once, then answers 02 to its replay', async () => {
    const { store, payment, ipn, answer } = setup();
    expect(await answer(ipn())).toEqual(IpnReply.CONFIRMED);
    expect(store.payments.get(payment.paymentId)).toMatchObject({ status: 'succeeded', providerTransactionId: '14012345' });
    expect(await answer(ipn())).toEqual(IpnReply.ALREADY_CONFIRMED);
  });

  it.each([
    ['another secret', (ipn: ReturnType<typeof setup>['ipn']) => ipn({}, 'not-the-secret'), IpnReply.INVALID_CHECKSUM],
    ['another merchant', (ipn: ReturnType<typeof setup>['ipn']) => ipn({ vnp_TmnCode: 'TMN99999' }), IpnReply.INVALID_CHECKSUM],
    ['an unknown order', (ipn: ReturnType<typeof setup>['ipn']) => ipn({ vnp_TxnRef: 'NOSUCHORDER' }), IpnReply.ORDER_NOT_FOUND],
    ['another amount', (ipn: ReturnType<typeof setup>['ipn']) => ipn({ vnp_Amount: toVnpAmount(4_000) }), IpnReply.INVALID_AMOUNT],
  ])('answers a result with %s as the spec orders the checks', async (_case, build, reply) => {
    const { store, payment, ipn, answer } = setup();
    expect(await answer(build(ipn))).toEqual(reply);
    expect(store.payments.get(payment.paymentId)?.status).toBe('pending');
  });

  it('records a cancel as a failure and answers 00, so the gateway stops', async () => {
    const { store, payment, ipn, answer } = setup();
    expect(await answer(ipn({ vnp_ResponseCode: '24', vnp_TransactionStatus: '02', vnp_TransactionNo: '0' }))).toEqual(IpnReply.CONFIRMED);
    expect(store.payments.get(payment.paymentId)?.status).toBe('cancelled');
  });

  it('answers 99 when the write fails, so the gateway asks again', async () => {
    const { store, ipn, answer } = setup();
    store.settle = async () => {
      throw new Error('table unavailable');
    };
    expect(await answer(ipn())).toEqual(IpnReply.UNKNOWN_ERROR);
  });
});

describe('VNPay return link', () => {
  const origins = ['https://portal.example.vn'];

  it("sends the browser to the payment's stored returnUrl with its recorded status", async () => {
    const { store, payment, ipn } = setup();
    const target = await returnRedirect({ payments: store, returnOrigins: origins }, vnpay, ipn({ vnp_ResponseCode: '24' }));
    expect(target.toString()).toBe(`https://portal.example.vn/r?paymentId=${payment.paymentId}&status=pending`);
  });

  it('refuses an unsigned return, an unknown payment and a returnUrl off the portal origins', async () => {
    const { store, payment, ipn } = setup();
    const deps = { payments: store, returnOrigins: origins };
    await expect(returnRedirect(deps, vnpay, ipn({}, 'forged'))).rejects.toBeInstanceOf(InvalidInputError);
    await expect(returnRedirect(deps, vnpay, ipn({ vnp_TxnRef: 'NOSUCHORDER' }))).rejects.toBeInstanceOf(NotFoundError);
    store.add({ ...payment, returnUrl: 'https://elsewhere.example/r' });
    await expect(returnRedirect(deps, vnpay, ipn())).rejects.toBeInstanceOf(BusinessRuleError);
  });
});
