import { describe, expect, it } from 'vitest';
import { BusinessRuleError, InvalidInputError, NotFoundError } from '../../../../../../../shared/platform/kernel/errors';
import { returnRedirect } from '../../../../../../../shared/modules/payments/providers/vnpay/callback';
import { IpnReply, toVnpAmount } from '../../../../../../../shared/modules/payments/providers/vnpay/protocol';
import { testVnpaySettings, vnpayIpnSetup, type VnpayIpnSetup } from '../../../../../../support/vnpay-ipn';

describe('VNPay IPN', () => {
  it('confirms a signed success once, then answers 02 to its replay', async () => {
    const { store, payment, ipn, answer } = vnpayIpnSetup();
    expect(await answer(ipn())).toEqual(IpnReply.CONFIRMED);
    expect(store.payments.get(payment.paymentId)).toMatchObject({ status: 'succeeded', providerTransactionId: '14012345' });
    expect(await answer(ipn())).toEqual(IpnReply.ALREADY_CONFIRMED);
  });

  it.each([
    ['another secret', (ipn: VnpayIpnSetup['ipn']) => ipn({}, 'not-the-secret'), IpnReply.INVALID_CHECKSUM],
    ['another merchant', (ipn: VnpayIpnSetup['ipn']) => ipn({ vnp_TmnCode: 'TMN99999' }), IpnReply.INVALID_CHECKSUM],
    ['an unknown order', (ipn: VnpayIpnSetup['ipn']) => ipn({ vnp_TxnRef: 'NOSUCHORDER' }), IpnReply.ORDER_NOT_FOUND],
    ['another amount', (ipn: VnpayIpnSetup['ipn']) => ipn({ vnp_Amount: toVnpAmount(4_000) }), IpnReply.INVALID_AMOUNT],
  ])('answers a result with %s as the spec orders the checks', async (_case, build, reply) => {
    const { store, payment, ipn, answer } = vnpayIpnSetup();
    expect(await answer(build(ipn))).toEqual(reply);
    expect(store.payments.get(payment.paymentId)?.status).toBe('pending');
  });

  it('records a cancel as a failure and answers 00, so the gateway stops', async () => {
    const { store, payment, ipn, answer } = vnpayIpnSetup();
    expect(await answer(ipn({ vnp_ResponseCode: '24', vnp_TransactionStatus: '02', vnp_TransactionNo: '0' }))).toEqual(IpnReply.CONFIRMED);
    expect(store.payments.get(payment.paymentId)?.status).toBe('cancelled');
  });

  it('answers 99 when the write fails, so the gateway asks again', async () => {
    const { store, ipn, answer } = vnpayIpnSetup();
    store.settle = async () => {
      throw new Error('table unavailable');
    };
    expect(await answer(ipn())).toEqual(IpnReply.UNKNOWN_ERROR);
  });
});

describe('VNPay return link', () => {
  const origins = ['https://portal.example.vn'];

  it("sends the browser to the payment's stored returnUrl with its recorded status", async () => {
    const { store, payment, ipn } = vnpayIpnSetup();
    const target = await returnRedirect({ payments: store, returnOrigins: origins }, testVnpaySettings, ipn({ vnp_ResponseCode: '24' }));
    expect(target.toString()).toBe(`https://portal.example.vn/r?paymentId=${payment.paymentId}&status=pending`);
  });

  it('refuses an unsigned return, an unknown payment and a returnUrl off the portal origins', async () => {
    const { store, payment, ipn } = vnpayIpnSetup();
    const deps = { payments: store, returnOrigins: origins };
    await expect(returnRedirect(deps, testVnpaySettings, ipn({}, 'forged'))).rejects.toBeInstanceOf(InvalidInputError);
    await expect(returnRedirect(deps, testVnpaySettings, ipn({ vnp_TxnRef: 'NOSUCHORDER' }))).rejects.toBeInstanceOf(NotFoundError);
    store.add({ ...payment, returnUrl: 'https://elsewhere.example/r' });
    await expect(returnRedirect(deps, testVnpaySettings, ipn())).rejects.toBeInstanceOf(BusinessRuleError);
  });
});
