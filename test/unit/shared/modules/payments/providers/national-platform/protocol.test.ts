import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  amountOf,
  checksumInput,
  confirmReply,
  ConfirmReply,
  initRequest,
  maXacThuc,
  platformTime,
  queryRequest,
  signed,
  unwrapAnswer,
  verifyMaXacThuc,
  type ReceiptInfo,
} from '../../../../../../../shared/modules/payments/providers/national-platform/protocol';
import { platformConfirm } from '../../../../../../../local/sandboxes/national-platform-sandbox';

/**
 * Known answers computed outside this code base, by hand from the field orders read in public code
 * (OCPS PayGateUtil; not an official spec), each with
 *
 *   printf '%s' '<the checksum input below>' | sha256sum
 *
 * so that our protocol and the local sandbox (which shares it) are checked against these strings and
 * digests, not against each other.
 */
const SECRET = 's3cr3t-PP';
const REF = '3KQ7M2ZP9XW4HC8RTBV6NDJA';

const INIT_INPUT = `INIT|1.0.6|TOANTRINH-HP|${REF}|150000|PAY|1|1|vi-VN|VND|PAYMENT|Thanh toan phi ho so H31.27-000123|20261121090500|203.113.1.10|s3cr3t-PP`;
const INIT_HASH = '1e26d4b80d0adb8b5370d4747533642556d1770be3f1017a8163bb82475a49b1';
const QUERY_INPUT = `QUERY|1.0.6|TOANTRINH-HP|${REF}|20261121090500|s3cr3t-PP`;
const QUERY_HASH = '91cf070d03702891caa512c83c534cf5387c9143509edcec1afb835a1a89c58d';
// ThoiGianGD comes before ThongTinGiaoDich; the text is hashed as UTF-8 bytes, diacritics included.
const CONFIRM_INPUT = `CONFIRM|00|TOANTRINH-HP|${REF}|150000|VND|PP2611210001|VCB|20261121091012|Thanh toán phí hồ sơ H31.27-000123|s3cr3t-PP`;
const CONFIRM_HASH = 'c4b4f8d7c74cd8bf96ad6286570a4d21e85d84f9fbe45cb2b72bdec0887981e2';
const REPLY_INPUT = `00|TOANTRINH-HP|${REF}|20261121091012|s3cr3t-PP`;
const REPLY_HASH = '7dcc26823fccea45e4f6662b6f8a32f76d99351bd30cd1935c5e16786fce1665';
const QUERY_REPLY_INPUT = `QUERY|00|TOANTRINH-HP|${REF}|150000|VND|PP2611210001|VCB|20261121091012|1|s3cr3t-PP`;
const QUERY_REPLY_HASH = 'be42fce8896bb94fe51af897d90106e7e6b118bc9324c3561266b56535283772';

const CONFIRM = {
  LoaiBanTin: 'CONFIRM', MaLoi: '00', MaDoiTac: 'TOANTRINH-HP', MaThamChieu: REF, SoTien: '150000', MaTienTe: 'VND',
  MaGiaoDich: 'PP2611210001', MaNganHang: 'VCB', ThoiGianGD: '20261121091012', ThongTinGiaoDich: 'Thanh toán phí hồ sơ H31.27-000123',
};

const RECEIPT = { MaDichVu: '2', MaHoSo: 'H31.27-000123', PhiLePhi: [], DSKhoanNop: [] } as unknown as ReceiptInfo;

describe('National platform checksums: known answers', () => {
  it('signs an INIT over its 14 fields in order, leaving ThongTinBienLai out', () => {
    // 2026-11-21T02:05:00Z is 09:05:00 in Viet Nam.
    const input = {
      partnerCode: 'TOANTRINH-HP', secret: SECRET, reference: REF, amount: 150_000, description: 'Thanh toan phi ho so H31.27-000123',
      createdAt: new Date('2026-11-21T02:05:00Z'), ip: '203.113.1.10', receipt: RECEIPT, returnUrl: 'https://portal.example.vn/r?paymentId=pay_1',
    };
    const body = initRequest(input);
    expect(checksumInput(body, 'init', SECRET)).toBe(INIT_INPUT);
    expect(body.MaXacThuc).toBe(INIT_HASH);
    expect(body).toMatchObject({ SoTien: '150000', ThoiGianGD: '20261121090500', ThongTinBienLai: RECEIPT, return_url: 'https://portal.example.vn/r?paymentId=pay_1' });
    expect(initRequest({ ...input, receipt: { ...RECEIPT, MaHoSo: 'H31.27-000999' } }).MaXacThuc).toBe(INIT_HASH);
    expect(initRequest({ ...input, amount: 150_001 }).MaXacThuc).not.toBe(INIT_HASH);
  });

  it('signs a QUERY over the transaction\u2019s own time', () => {
    const body = queryRequest({ partnerCode: 'TOANTRINH-HP', secret: SECRET, reference: REF, transactionAt: new Date('2026-11-21T02:05:00Z') });
    expect(checksumInput(body, 'query', SECRET)).toBe(QUERY_INPUT);
    expect(body.MaXacThuc).toBe(QUERY_HASH);
  });

  it('verifies the platform\u2019s Confirm (UTF-8 text included), and the sandbox signs it the same way', () => {
    expect(checksumInput(CONFIRM, 'confirm', SECRET)).toBe(CONFIRM_INPUT);
    expect(maXacThuc(CONFIRM, 'confirm', SECRET)).toBe(CONFIRM_HASH);
    expect(verifyMaXacThuc({ ...CONFIRM, MaXacThuc: CONFIRM_HASH }, 'confirm', SECRET)).toBe(true);
    expect(verifyMaXacThuc({ ...CONFIRM, MaXacThuc: CONFIRM_HASH.toUpperCase() }, 'confirm', SECRET)).toBe(true);
    const sandbox = platformConfirm(SECRET, { MaDoiTac: 'TOANTRINH-HP', MaThamChieu: REF, SoTien: '150000', ThongTinGiaoDich: CONFIRM.ThongTinGiaoDich }, { ok: true, transactionNo: 'PP2611210001', at: new Date('2026-11-21T02:10:12Z') });
    expect(sandbox).toEqual({ ...CONFIRM, MaXacThuc: CONFIRM_HASH });
  });

  it('accepts SoTien as a JSON integer, hashed as its decimal digits', () => {
    expect(verifyMaXacThuc({ ...CONFIRM, SoTien: 150000, MaXacThuc: CONFIRM_HASH }, 'confirm', SECRET)).toBe(true);
  });

  it('signs our reply with our own fields: a known digest, never the caller\u2019s checksum', () => {
    const reply = confirmReply(ConfirmReply.ACCEPTED, { partnerCode: 'TOANTRINH-HP', reference: REF, transactionTime: '20261121091012' }, SECRET);
    expect(checksumInput(reply, 'confirmReply', SECRET)).toBe(REPLY_INPUT);
    expect(reply).toEqual({ MaLoi: '00', MoTaLoi: 'Thành công', MaDoiTac: 'TOANTRINH-HP', MaThamChieu: REF, ThoiGianGD: '20261121091012', MaXacThuc: REPLY_HASH });
    expect(reply.MaXacThuc).not.toBe(CONFIRM_HASH);
  });

  it('checks a QUERY answer over the order we assume for it (unverified)', () => {
    const answer = { LoaiBanTin: 'QUERY', MaLoi: '00', MaDoiTac: 'TOANTRINH-HP', MaThamChieu: REF, SoTien: '150000', MaTienTe: 'VND', MaGiaoDich: 'PP2611210001', MaNganHang: 'VCB', ThoiGianGD: '20261121091012', TrangThaiGD: '1' };
    expect(checksumInput(answer, 'queryReply', SECRET)).toBe(QUERY_REPLY_INPUT);
    expect(signed(answer, 'queryReply', SECRET).MaXacThuc).toBe(QUERY_REPLY_HASH);
  });
});

describe('National platform checksums: refusals', () => {
  const good = { ...CONFIRM, MaXacThuc: CONFIRM_HASH };

  it.each([
    ['another secret', { ...good }, 'not-the-secret'],
    ['a tampered amount', { ...good, SoTien: '1500000' }, SECRET],
    ['a tampered reference', { ...good, MaThamChieu: 'OTHER' }, SECRET],
    ['a tampered result code', { ...good, MaLoi: '01' }, SECRET],
    ['a tampered description', { ...good, ThongTinGiaoDich: 'Thanh toan phi ho so H31.27-000123' }, SECRET],
    ['a missing checksum', { ...CONFIRM }, SECRET],
    ['a checksum of the wrong length', { ...good, MaXacThuc: CONFIRM_HASH.slice(2) }, SECRET],
    ['a checksum that is not hex', { ...good, MaXacThuc: `zz${CONFIRM_HASH.slice(2)}` }, SECRET],
    ['a checksum that is not text', { ...good, MaXacThuc: 42 }, SECRET],
  ])('refuses %s', (_case, fields, secret) => {
    expect(verifyMaXacThuc(fields, 'confirm', secret)).toBe(false);
  });

  it('fuzz: changing any covered field breaks the checksum, and no input makes verification throw', () => {
    const names = ['LoaiBanTin', 'MaLoi', 'MaDoiTac', 'MaThamChieu', 'SoTien', 'MaTienTe', 'MaGiaoDich', 'MaNganHang', 'ThoiGianGD', 'ThongTinGiaoDich'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.string({ unit: 'grapheme', maxLength: 20 }), (name, value) => {
        fc.pre(value !== good[name] && !value.includes('|'));
        return !verifyMaXacThuc({ ...good, [name]: value }, 'confirm', SECRET);
      }),
      { numRuns: 2_000 },
    );
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (fields) => typeof verifyMaXacThuc(fields, 'confirm', SECRET) === 'boolean'), { numRuns: 2_000 });
  });
});

describe('National platform times and amounts', () => {
  it.each([
    ['morning', '2026-11-21T02:05:00Z', '20261121090500'],
    ['afternoon on a 24-hour clock (TD-DVC\u2019s hh would say 03)', '2026-11-21T08:30:00Z', '20261121153000'],
    ['Viet Nam midnight, already the next year', '2026-12-31T17:00:00Z', '20270101000000'],
  ])('writes %s as yyyyMMddHHmmss in Viet Nam time', (_case, instant, expected) => {
    expect(platformTime(new Date(instant))).toBe(expected);
  });

  it.each([
    ['150000', 150_000],
    [150_000, 150_000],
    ['0', 0],
    ['150000.0', undefined],
    ['1,500', undefined],
    [-5, undefined],
    [1.5, undefined],
    ['1234567890123456', undefined],
    [undefined, undefined],
  ])('reads SoTien %j as %j VND', (value, expected) => {
    expect(amountOf(value)).toBe(expected);
  });
});

describe('National platform answers', () => {
  it('unwraps TD-DVC\u2019s envelope and OCPS\u2019s flat answer, and nothing else', () => {
    const inner = { MaLoi: '00', UrlThanhToan: 'https://pp.example/pay/1' };
    expect(unwrapAnswer({ error_code: '0', message: JSON.stringify(inner) })).toEqual(inner);
    expect(unwrapAnswer({ error_code: 0, message: JSON.stringify(inner) })).toEqual(inner);
    expect(unwrapAnswer(inner)).toEqual(inner);
    expect(unwrapAnswer({ error_code: '97', message: 'Sai mã xác thực' })).toBeUndefined();
    expect(unwrapAnswer({ error_code: '0', message: 'not json' })).toBeUndefined();
    expect(unwrapAnswer({ error_code: '0', message: '[1]' })).toBeUndefined();
    expect(unwrapAnswer([inner])).toBeUndefined();
    expect(unwrapAnswer('text')).toBeUndefined();
  });
});
