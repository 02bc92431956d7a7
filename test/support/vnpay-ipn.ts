import { answerIpn } from '../../shared/modules/payments/providers/vnpay/callback';
import { signParams, toVnpAmount, type VnpParams } from '../../shared/modules/payments/providers/vnpay/protocol';
import type { VnpaySettings } from '../../shared/modules/payments/providers/vnpay/settings';
import { FakePaymentStore, pendingPayment } from '../fakes/payment-store';

/** The merchant of the VNPay callback tests (a test value, no real merchant). */
export const testVnpaySettings: VnpaySettings = { tmnCode: 'TMN00001', hashSecret: 'ipn-secret', gatewayUrl: 'https://gw.example/pay', apiUrl: 'https://gw.example/api', returnUrl: 'https://api.example/r' };

/**
 * One pending VNPay payment in a fake store; `ipn` signs a notification for it (paid, unless the
 * overrides or another secret say otherwise) and `answer` runs the IPN use case on it at `now`.
 */
export function vnpayIpnSetup(now = new Date('2026-11-21T00:10:00Z')) {
  const store = new FakePaymentStore();
  const payment = pendingPayment(1);
  store.add(payment);
  const deps = { payments: store, clock: { now: () => now } };
  const ipn = (overrides: Partial<VnpParams> = {}, secret = testVnpaySettings.hashSecret) =>
    signParams({ vnp_TmnCode: testVnpaySettings.tmnCode, vnp_TxnRef: payment.providerRef, vnp_Amount: toVnpAmount(payment.amount), vnp_ResponseCode: '00', vnp_TransactionStatus: '00', vnp_TransactionNo: '14012345', vnp_PayDate: '20261121070500', ...overrides }, secret);
  return { store, payment, deps, ipn, answer: (params: VnpParams) => answerIpn(deps, async () => testVnpaySettings, params) };
}

export type VnpayIpnSetup = ReturnType<typeof vnpayIpnSetup>;
