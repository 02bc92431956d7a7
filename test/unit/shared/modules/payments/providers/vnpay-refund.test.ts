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
