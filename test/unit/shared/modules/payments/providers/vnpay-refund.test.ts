import { describe, expect, it } from 'vitest';
import { refundRequest, signRefundResponse, verifyRefundResponse } from '../../../../../../shared/modules/payments';

/**
 * Known answers computed outside this code with openssl over the pipe-joined fields, e.g.
 * printf '%s' 'RQ20260102000001|2.1.0|refund|…' | openssl dgst -sha512 -hmac 'SANDBOXSECRET0123456789'
 */
const SECRET = 'SANDBOXSECRET0123456789';
const REQUEST_HASH = '75d563cd147a011fe7a9dd8f6dbc5caf66f052215ba902a75c854d392417d6d8112d4b0c62888c679f645dde99cf8da18e11b53a2ea7c8454aab58b0956cc043';
const RESPONSE_HASH = 'dcb0b9b6e647f703922adfe3f407e834c1b0b498950ffece5660f70134a356256599b23d528afbc1d7aa4c5b6ed3d5887b00fbb6b8e0f5266d3c8571ee803011';

describe('Function: refundRequest (VNPay refund)', () => {
  const request = refundRequest({
    tmnCode: 'TOANTR01', secret: SECRET, requestId: 'RQ20260102000001', transactionType: '03', txnRef: '20260101ABC', amount: 50_000,
    transactionNo: '14226112', transactionDate: new Date('2026-01-01T01:30:00Z'), createBy: 'agency:HP-STP', createdAt: new Date('2026-01-02T02:15:00Z'),
    ipAddr: '127.0.0.1', orderInfo: 'Hoàn tiền 20260101ABC rfd_1',
  });

  it('signs the 13 fields in VNPay order, amount ×100 and dates in GMT+7, to the openssl digest', () => {
    expect(request.vnp_Amount).toBe('5000000');
    expect(request.vnp_TransactionDate).toBe('20260101083000');
    expect(request.vnp_CreateDate).toBe('20260102091500');
    expect(request.vnp_OrderInfo).toBe('Hoan tien 20260101ABC rfd_1');
    expect(request.vnp_SecureHash).toBe(REQUEST_HASH);
  });
});

describe('Function: verifyRefundResponse', () => {
  const reply = {
    vnp_ResponseId: 'RQ20260102000001', vnp_Command: 'refund', vnp_ResponseCode: '94', vnp_Message: 'Refund in progress', vnp_TmnCode: 'TOANTR01',
    vnp_TxnRef: '20260101ABC', vnp_Amount: '5000000', vnp_BankCode: 'NCB', vnp_PayDate: '20260101083510', vnp_TransactionNo: '14226112',
    vnp_TransactionType: '03', vnp_TransactionStatus: '05', vnp_OrderInfo: 'Hoan tien',
  };

  it('accepts the reply signed to the openssl digest, and our signer produces it', () => {
    expect(signRefundResponse(reply, SECRET).vnp_SecureHash).toBe(RESPONSE_HASH);
    expect(verifyRefundResponse({ ...reply, vnp_SecureHash: RESPONSE_HASH }, SECRET)).toBe(true);
    expect(verifyRefundResponse({ ...reply, vnp_SecureHash: RESPONSE_HASH.toUpperCase() }, SECRET)).toBe(true);
  });

  it.each([
    ['a changed code', { vnp_ResponseCode: '00' }],
    ['a changed amount', { vnp_Amount: '500000' }],
    ['no hash', { vnp_SecureHash: '' }],
    ['a short hash', { vnp_SecureHash: RESPONSE_HASH.slice(2) }],
  ])('refuses %s', (_what, change) => {
    expect(verifyRefundResponse({ ...reply, vnp_SecureHash: RESPONSE_HASH, ...change }, SECRET)).toBe(false);
  });
});

/**
 * Cross-check with field orders taken from outside this code, hashes computed outside it (Python
 * hmac/sha512), so that our field lists themselves are checked, not only our HMAC:
 * - the request in the order of VNPay's own PHP demo kit (vnpay_php/vnpay_refund.php: sprintf of
 *   RequestId|Version|Command|TmnCode|TransactionType|TxnRef|Amount|TransactionNo|TransactionDate|
 *   CreateBy|CreateDate|IpAddr|OrderInfo), with its values: numeric request id, TransactionNo "0"
 *   ("the merchant did not record VNPay's number"), a full refund (02);
 * - the reply in the order the lehuygiang28/vnpay library verifies it (ResponseId|Command|
 *   ResponseCode|Message|TmnCode|TxnRef|Amount|BankCode|PayDate|TransactionNo|TransactionType|
 *   TransactionStatus|OrderInfo).
 */
describe('VNPay refund signature: independent vectors', () => {
  const secret = 'VNPAYDEMOHASHSECRET2024';

  it('signs a request as VNPay\u2019s PHP demo does', () => {
    const request = refundRequest({
      tmnCode: 'DEMOV210', secret, requestId: '4321', transactionType: '02', txnRef: '123456', amount: 10_000, transactionNo: '0',
      transactionDate: new Date('2024-01-05T03:30:00Z'), createBy: 'admin', createdAt: new Date('2024-01-06T02:00:00Z'), ipAddr: '127.0.0.1', orderInfo: 'Hoan Tien Giao Dich',
    });
    expect(request.vnp_SecureHash).toBe('6f09e8f3b034859a2059baa428aa4a5e73fe35388e90513d401177e9d9419e93327490b2b8e1ac4f462ac1fa09382c5c8c42bb4297a9d864cb95d92974bb707a');
  });

  it('verifies a reply signed in the order another implementation checks', () => {
    const reply = {
      vnp_ResponseId: '4321', vnp_Command: 'refund', vnp_ResponseCode: '00', vnp_Message: 'Refund success', vnp_TmnCode: 'DEMOV210', vnp_TxnRef: '123456',
      vnp_Amount: '1000000', vnp_BankCode: 'NCB', vnp_PayDate: '20240105103512', vnp_TransactionNo: '14283091', vnp_TransactionType: '02', vnp_TransactionStatus: '00',
      vnp_OrderInfo: 'Hoan Tien Giao Dich',
    };
    const hash = '6b3fd7bcd2dfc74111aef081d44a30d3253fb08efce62cdd1557768ef5b38fde0e1b7beeede584057b4dbef9b5d212ac06e674da10b72082b609fdd8a2bc7bb1';
    expect(verifyRefundResponse({ ...reply, vnp_SecureHash: hash }, secret)).toBe(true);
    expect(verifyRefundResponse({ ...reply, vnp_TransactionStatus: '09', vnp_SecureHash: hash }, secret)).toBe(false);
  });
});
