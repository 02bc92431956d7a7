import { describe, expect, it } from 'vitest';
import { signingData, signParams, verifyParams } from '../../../../../../../shared/modules/payments/providers/vnpay/protocol';
import { gatewayResult } from '../../../../../../../local/sandboxes/vnpay-sandbox';

/**
 * Known answers computed outside this code base, from the spec's rule (vnp_* fields except the hash
 * fields, sorted by key, application/x-www-form-urlencoded with space as `+`, HMAC-SHA512 in hex):
 *
 *   printf '%s' '<the signing string below>' | openssl dgst -sha512 -hmac SANDBOXVNPAYHASHSECRET0123456789
 *
 * Our protocol and the local sandbox share signParams, so each is checked against these strings and
 * digests rather than against the other: a bug they share cannot pass.
 */
const SECRET = 'SANDBOXVNPAYHASHSECRET0123456789';

const PAYMENT_REQUEST = {
  vnp_Version: '2.1.0',
  vnp_TxnRef: 'ABC123',
  vnp_TmnCode: 'TOANTR01',
  vnp_ReturnUrl: 'https://portal.example.vn/r?a=1',
  vnp_OrderInfo: 'Thanh toan phi ho so H31.26-1',
  vnp_Command: 'pay',
  vnp_Amount: '1000000',
};
const PAYMENT_REQUEST_SIGNED =
  'vnp_Amount=1000000&vnp_Command=pay&vnp_OrderInfo=Thanh+toan+phi+ho+so+H31.26-1&vnp_ReturnUrl=https%3A%2F%2Fportal.example.vn%2Fr%3Fa%3D1&vnp_TmnCode=TOANTR01&vnp_TxnRef=ABC123&vnp_Version=2.1.0';
const PAYMENT_REQUEST_HASH =
  'a4af957ae0700c8d304763a7d5c30abe4df1e6603505fce36022017483c04588bee9b1c5f93f7642437a26f9de158c82c6341db10b3707e6a3b0cd65e132cb31';

const GATEWAY_RESULT_SIGNED =
  'vnp_Amount=1000000&vnp_BankCode=NCB&vnp_BankTranNo=VNP12345678&vnp_CardType=ATM&vnp_OrderInfo=Thanh+toan+phi+ho+so+H31.26-1&vnp_PayDate=20261121090000' +
  '&vnp_ResponseCode=00&vnp_TmnCode=TOANTR01&vnp_TransactionNo=14012345&vnp_TransactionStatus=00&vnp_TxnRef=ABC123';
const GATEWAY_RESULT_HASH =
  '6ed0c98f6cc9d9e2b3014a958334b1286d55d0c4c03b0d6075c826fcc52efab48f62abf36ecf4883f1d0db0898b2d5289df3307662404ad92eb8172977dac039';

describe('VNPay signature: known answers', () => {
  it('builds the signing string of a payment request as the spec encodes it, and signs it with the known digest', () => {
    expect(signingData(PAYMENT_REQUEST)).toBe(PAYMENT_REQUEST_SIGNED);
    expect(signParams(PAYMENT_REQUEST, SECRET).vnp_SecureHash).toBe(PAYMENT_REQUEST_HASH);
  });

  it('accepts the known digest, in either case, and refuses it after one changed character', () => {
    expect(verifyParams({ ...PAYMENT_REQUEST, vnp_SecureHash: PAYMENT_REQUEST_HASH }, SECRET)).toBe(true);
    expect(verifyParams({ ...PAYMENT_REQUEST, vnp_SecureHash: PAYMENT_REQUEST_HASH.toUpperCase(), vnp_SecureHashType: 'HmacSHA512' }, SECRET)).toBe(true);
    expect(verifyParams({ ...PAYMENT_REQUEST, vnp_Amount: '1000001', vnp_SecureHash: PAYMENT_REQUEST_HASH }, SECRET)).toBe(false);
  });

  it('has the sandbox gateway sign a paid result with the known digest', () => {
    // Prepare: what the merchant sent, and the gateway's draw fixed (09:00 in Hà Nội is 02:00 UTC).
    const original = { ...PAYMENT_REQUEST };
    const draw = { payDate: new Date('2026-11-21T02:00:00Z'), transactionNo: '14012345', bankTranNo: 'VNP12345678' };

    // Act
    const result = gatewayResult(original, 'success', SECRET, draw);

    // Assess
    expect(signingData(result)).toBe(GATEWAY_RESULT_SIGNED);
    expect(result.vnp_SecureHash).toBe(GATEWAY_RESULT_HASH);
  });
});
