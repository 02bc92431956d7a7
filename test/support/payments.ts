import { inject } from 'vitest';
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
