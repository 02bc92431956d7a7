import { QRPay } from 'vietnam-qr-pay';
import { describe, expect, it } from 'vitest';
import { describeTransferResult, qrSvg, scanVietQr, transferNotification } from '../../../../local/sandboxes/vietqr-sandbox';
import { verifySignature } from '../../../../shared/platform/kernel/timestamped-hmac';

const payload = QRPay.initVietQR({ bankBin: '970415', bankNumber: '113366668888', amount: '205000', purpose: 'TTABCDEFGH1234' }).build();

describe('Function: scanVietQr', () => {
  it('reads the payee, amount and transfer content a bank app would prefill', () => {
    expect(scanVietQr(payload)).toEqual({
      bankBin: '970415',
      bankName: expect.stringContaining('VietinBank'),
      accountNo: '113366668888',
      amount: 205_000,
      reference: 'TTABCDEFGH1234',
    });
  });

  it.each([
    ['a wrong checksum', `${payload.slice(0, -4)}0000`],
    ['not a QR payload at all', 'hello'],
  ])('reads nothing from %s', (_case, text) => {
    expect(scanVietQr(text)).toBeUndefined();
  });
});

describe('Function: qrSvg', () => {
  it('draws the payload as an SVG image', async () => {
    expect(await qrSvg(payload)).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
  });
});

describe('Function: describeTransferResult', () => {
  it.each([
    [200, '{"result":"applied"}', true, /^Đã ghi nhận/],
    [200, '{"result":"duplicate"}', true, /đã được ghi nhận trước đó/],
    [200, '{"result":"unmatched"}', false, /Không có khoản thanh toán/],
    [200, '{"result":"amount_mismatch"}', false, /Số tiền không khớp/],
    [401, '{"error":{"code":"UNAUTHORIZED","message":"Invalid signature (stale)"}}', false, /từ chối thông báo \(HTTP 401\): Invalid signature \(stale\)/],
    [502, 'Bad Gateway', false, /HTTP 502/],
  ])('says in words what HTTP %i %s means', (status, body, ok, words) => {
    const described = describeTransferResult({ status, body });
    expect(described.ok).toBe(ok);
    expect(described.text).toMatch(words);
    expect(described.text).not.toContain('{');
  });
});

describe('Function: transferNotification of a transfer made earlier', () => {
  it('carries the transfer\u2019s own instant as paidAt and is signed when sent, so the webhook takes it as fresh', () => {
    const at = new Date('2026-03-01T16:30:00Z'); // 23:30 Viet Nam time
    const sentAt = new Date('2026-03-02T03:00:00Z');
    const sent = transferNotification('s', { reference: 'TT1', amount: 5_000 }, { eventId: 'e', transactionId: 'FT1', at, sentAt });
    expect(JSON.parse(sent.body)).toMatchObject({ paidAt: '2026-03-01T16:30:00.000Z' });
    expect(verifySignature(sent.signature, sent.body, ['s'], sentAt)).toEqual({ valid: true, timestamp: sentAt.getTime() / 1000 });
    expect(verifySignature(sent.signature, sent.body, ['s'], new Date(sentAt.getTime() + 600_000)).valid).toBe(false);
  });
});
