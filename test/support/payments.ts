import { inject } from 'vitest';
import type { PaymentProviders } from '../../shared/modules/payments/ports';
import { NationalPlatformProvider } from '../../shared/modules/payments/providers/national-platform/provider';
import { VietqrProvider } from '../../shared/modules/payments/providers/vietqr/provider';
import { VnpayProvider } from '../../shared/modules/payments/providers/vnpay/provider';
import { signParams, toVnpAmount, type VnpParams } from '../../shared/modules/payments/providers/vnpay/protocol';
import { vietnamTimestamp } from '../../shared/platform/kernel/time';
import { sandboxSettings } from '../../local/sandboxes/settings';
import { api } from './api-client';

export const sandbox = sandboxSettings();

/** IPN parameters as the gateway signs them. */
export function ipnParams(txnRef: string, amount: number, overrides: Partial<VnpParams> = {}, secret = sandbox.vnpayHashSecret): VnpParams {
  return signParams(
    {
      vnp_Amount: toVnpAmount(amount),
      vnp_BankCode: 'NCB',
      vnp_CardType: 'ATM',
      vnp_OrderInfo: 'Thanh toan phi ho so',
      vnp_PayDate: vietnamTimestamp(new Date()),
      vnp_ResponseCode: '00',
      vnp_TmnCode: sandbox.vnpayTmnCode,
      vnp_TransactionNo: String(Math.floor(10_000_000 + Math.random() * 89_999_999)),
      vnp_TransactionStatus: '00',
      vnp_TxnRef: txnRef,
      ...overrides,
    },
    secret,
  );
}

export async function ipn(params: VnpParams) {
  const res = await api(`/v1/callbacks/vnpay/ipn?${new URLSearchParams(params)}`);
  return res.json as { RspCode: string; Message: string };
}

export const txnRefOf = (redirectUrl: string) => new URL(redirectUrl).searchParams.get('vnp_TxnRef')!;

export const returnUrl = () => `${inject('baseUrl')}/sandbox/portal/payment-result`;

/**
 * The payment providers wired to the local runtime's sandboxes, for a use case a test runs itself (the
 * expiry job at a time of its choosing): VNPay's querydr and the national platform's QUERY reach the
 * sandbox gateway and platform; VietQR has no status query.
 */
export function sandboxProviders(): PaymentProviders {
  const base = inject('baseUrl');
  return {
    vnpay: new VnpayProvider({ tmnCode: sandbox.vnpayTmnCode, hashSecret: sandbox.vnpayHashSecret, gatewayUrl: `${base}/sandbox/vnpay/pay`, apiUrl: `${base}/sandbox/vnpay/merchant_webapi/api/transaction`, returnUrl: `${base}/v1/callbacks/vnpay/return` }),
    vietqr: new VietqrProvider({ bankBin: '970415', accountNo: '1', accountName: 'X' }),
    national_platform: new NationalPlatformProvider({
      partnerCode: sandbox.nationalPlatformPartnerCode, secret: sandbox.nationalPlatformSecret, apiUrl: `${base}/sandbox/national-platform/api`,
      beneficiary: { accountNo: '1', bankCode: 'X', accountName: 'X' },
    }),
  };
}
