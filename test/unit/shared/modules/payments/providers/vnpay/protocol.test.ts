import { describe, expect, it } from 'vitest';
import {
  fromVnpAmount,
  gatewayOutcome,
  orderInfo,
  paymentUrl,
  querydrRequest,
  signingData,
  signParams,
  signQuerydrResponse,
  toVnpAmount,
  verifyParams,
  verifyQuerydrResponse,
} from '../../../../../../../shared/modules/payments/providers/vnpay/protocol';
import { fromVietnamTimestamp, vietnamTimestamp } from '../../../../../../../shared/platform/kernel/time';

describe('VNPay protocol', () => {
  it('signs vnp_* fields sorted and form-encoded, skipping the hash fields', () => {
    expect(signingData({ vnp_B: 'a b', vnp_A: 'x&y', vnp_SecureHash: 'h', vnp_SecureHashType: 'SHA512', other: 'z' })).toBe('vnp_A=x%26y&vnp_B=a+b');
  });

  it('verifies its own signature and refuses any changed field', () => {
    const signed = signParams({ vnp_Amount: '500000', vnp_TxnRef: 'ABC' }, 'secret');
    expect(verifyParams(signed, 'secret')).toBe(true);
    expect(verifyParams({ ...signed, vnp_Amount: '500100' }, 'secret')).toBe(false);
    expect(verifyParams(signed, 'other')).toBe(false);
    expect(verifyParams({ ...signed, vnp_SecureHash: signed.vnp_SecureHash!.toUpperCase() }, 'secret')).toBe(true);
    expect(verifyParams({ ...signed, vnp_SecureHash: 'short' }, 'secret')).toBe(false);
  });

  it('multiplies by 100 only at the edge and refuses amounts that are not whole đồng', () => {
    expect(toVnpAmount(205_000)).toBe('20500000');
    expect(fromVnpAmount('20500000')).toBe(205_000);
    expect(fromVnpAmount('20500050')).toBeUndefined();
    expect(fromVnpAmount('-100')).toBeUndefined();
    expect(fromVnpAmount(undefined)).toBeUndefined();
  });

  it('reads vnp_Amount of at most 12 digits (payments.md), refusing a longer one', () => {
    expect(fromVnpAmount('999999999900')).toBe(9_999_999_999);
    expect(fromVnpAmount('1000000000000')).toBeUndefined();
    expect(fromVnpAmount('0001000000000')).toBeUndefined();
  });

  it('writes and reads dates in GMT+7 across UTC midnight', () => {
    expect(vietnamTimestamp(new Date('2026-11-20T17:30:00Z'))).toBe('20261121003000');
    expect(vietnamTimestamp(new Date('2026-12-31T16:59:59Z'))).toBe('20261231235959');
    expect(fromVietnamTimestamp('20261121003000').toISOString()).toBe('2026-11-20T17:30:00.000Z');
    const url = new URL(
      paymentUrl({
        gatewayUrl: 'https://gw.example/pay', tmnCode: 'TMN00001', secret: 's', txnRef: 'R1', amount: 5_000, orderInfo: 'Phí hồ sơ số 1',
        returnUrl: 'https://api.example/return', ipAddr: '1.2.3.4',
        createdAt: new Date('2026-11-20T23:50:00Z'), expiresAt: new Date('2026-11-21T00:05:00Z'),
      }),
    );
    expect(url.searchParams.get('vnp_CreateDate')).toBe('20261121065000');
    expect(url.searchParams.get('vnp_ExpireDate')).toBe('20261121070500');
    expect(url.searchParams.get('vnp_OrderInfo')).toBe('Phi ho so so 1');
    expect(verifyParams(Object.fromEntries(url.searchParams), 's')).toBe(true);
  });

  it('keeps vnp_OrderInfo to the allowed ASCII characters', () => {
    expect(orderInfo('Thanh toán lệ phí: hồ sơ #12/2026 – Đà Nẵng!')).toBe('Thanh toan le phi: ho so 12 2026 Da Nang');
  });

  it.each([
    ['00', '00', 'succeeded'],
    ['00', '02', 'failed'],
    ['24', '02', 'cancelled'],
    ['11', '02', 'expired'],
    ['51', '02', 'failed'],
  ])('reads ResponseCode %s / TransactionStatus %s as %s', (code, status, outcome) => {
    expect(gatewayOutcome(code, status)).toBe(outcome);
  });

  it('signs querydr requests over the pipe-joined fields and verifies responses', () => {
    const request = querydrRequest({ tmnCode: 'T', secret: 's', requestId: 'r1', txnRef: 'X', transactionDate: new Date(0), createdAt: new Date(0), ipAddr: '127.0.0.1' });
    expect(request.vnp_SecureHash).toMatch(/^[0-9a-f]{128}$/);
    const response = signQuerydrResponse({ vnp_ResponseId: 'r1', vnp_ResponseCode: '00', vnp_TxnRef: 'X', vnp_Amount: '100' }, 's');
    expect(verifyQuerydrResponse(response, 's')).toBe(true);
    expect(verifyQuerydrResponse({ ...response, vnp_Amount: '200' }, 's')).toBe(false);
  });
});
