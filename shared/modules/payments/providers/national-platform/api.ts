import * as z from '../../../../platform/api/zod';
import { defineOperation } from '../../../../platform/api/operation';

const text = (max: number) => z.optional(z.string().check(z.maxLength(max)));

/**
 * The platform's Confirm as it posts it (JSON): the fields OCPS reads [C `ppConfirmTransaction`];
 * others (card fields OCPS names "not determined") are let through untouched. Every field is
 * optional here: a missing one fails the checksum, which is answered with a signed 97 rather than a
 * 400, so the platform always gets a reply it can verify. Not an official specification.
 * @example {"LoaiBanTin":"CONFIRM","MaLoi":"00","MaDoiTac":"TOANTRINH-HP","MaThamChieu":"3KQ7M2ZP9XW4HC8RTBV6NDJA","SoTien":"150000","MaTienTe":"VND","MaGiaoDich":"PP2611210001","MaNganHang":"VCB","ThoiGianGD":"20261121091012","ThongTinGiaoDich":"Thanh toán phí hồ sơ H31.27-000123","MaXacThuc":"c4b4f8d7c74cd8bf96ad6286570a4d21e85d84f9fbe45cb2b72bdec0887981e2"}
 */
export const PlatformConfirmSchema = z
  .looseObject({
    LoaiBanTin: text(32).register(z.globalRegistry, { description: 'message type: `CONFIRM`' }),
    MaLoi: text(8).register(z.globalRegistry, { description: 'the outcome: `00` the money was taken; any other code a failed attempt (recorded, answered 00)' }),
    MaDoiTac: text(64).register(z.globalRegistry, { description: 'our partner code at the platform; another one is answered 97' }),
    MaThamChieu: text(100).register(z.globalRegistry, { description: 'our reference of the payment (its paymentId without `pay_`), sent in the INIT; unknown: 01' }),
    SoTien: z.optional(z.union([z.string().check(z.maxLength(20)), z.int().check(z.nonnegative())])).register(z.globalRegistry, { description: 'the amount in VND (digits, or a JSON integer); not the payment\u2019s amount: 04' }),
    MaTienTe: text(8).register(z.globalRegistry, { description: 'currency: `VND`' }),
    MaGiaoDich: text(100).register(z.globalRegistry, { description: 'the platform\u2019s transaction id (kept with the payment; with the reference, it makes a replayed Confirm change nothing)' }),
    MaNganHang: text(64).register(z.globalRegistry, { description: 'the bank the citizen paid through' }),
    ThoiGianGD: text(32).register(z.globalRegistry, { description: 'when it was paid, `yyyyMMddHHmmss` in Viet Nam time (UTC+7)' }),
    ThongTinGiaoDich: text(1000).register(z.globalRegistry, { description: 'the payment description sent in the INIT' }),
    MaXacThuc: text(128).register(z.globalRegistry, {
      description: 'lower-case hex SHA-256 of `LoaiBanTin|MaLoi|MaDoiTac|MaThamChieu|SoTien|MaTienTe|MaGiaoDich|MaNganHang|ThoiGianGD|ThongTinGiaoDich|<secret>`; wrong: 97',
    }),
  })
  .register(z.globalRegistry, { id: 'NationalPlatformConfirm' });
export type PlatformConfirm = z.infer<typeof PlatformConfirmSchema>;

export const PlatformConfirmReplySchema = z
  .strictObject({
    MaLoi: z.string().register(z.globalRegistry, { description: '00 accepted, 01 unknown reference, 02 already confirmed, 04 wrong amount, 97 bad checksum or partner code, 99 other error' }),
    MoTaLoi: z.string().register(z.globalRegistry, { description: 'the code in Vietnamese words (00: Thành công)' }),
    MaDoiTac: z.string().register(z.globalRegistry, { description: 'our partner code' }),
    MaThamChieu: z.string().register(z.globalRegistry, { description: 'the Confirm\u2019s reference, echoed' }),
    ThoiGianGD: z.string().register(z.globalRegistry, { description: 'the Confirm\u2019s ThoiGianGD, echoed' }),
    MaXacThuc: z.string().register(z.globalRegistry, { description: 'our own checksum: lower-case hex SHA-256 of `MaLoi|MaDoiTac|MaThamChieu|ThoiGianGD|<secret>` (never the caller\u2019s)' }),
  })
  .register(z.globalRegistry, { id: 'NationalPlatformConfirmReply' });

/** Signed with the secret `s3cr3t-PP` (the known answers of the protocol's unit test). */
const confirmExample = {
  LoaiBanTin: 'CONFIRM', MaLoi: '00', MaDoiTac: 'TOANTRINH-HP', MaThamChieu: '3KQ7M2ZP9XW4HC8RTBV6NDJA', SoTien: '150000', MaTienTe: 'VND', MaGiaoDich: 'PP2611210001',
  MaNganHang: 'VCB', ThoiGianGD: '20261121091012', ThongTinGiaoDich: 'Thanh toán phí hồ sơ H31.27-000123', MaXacThuc: 'c4b4f8d7c74cd8bf96ad6286570a4d21e85d84f9fbe45cb2b72bdec0887981e2',
};
const replyExample = {
  MaLoi: '00', MoTaLoi: 'Thành công', MaDoiTac: 'TOANTRINH-HP', MaThamChieu: '3KQ7M2ZP9XW4HC8RTBV6NDJA', ThoiGianGD: '20261121091012',
  MaXacThuc: '7dcc26823fccea45e4f6662b6f8a32f76d99351bd30cd1935c5e16786fce1665',
};

export const nationalPlatformConfirmOperation = /* @__PURE__ */ defineOperation({
  operationId: 'nationalPlatformConfirm',
  method: 'POST',
  path: '/v1/callbacks/national-platform/confirm',
  summary: 'National payment platform (DVCQG) Confirm: the signed result of a payment',
  description:
    'Checks in order: MaXacThuc = SHA-256(LoaiBanTin|MaLoi|MaDoiTac|MaThamChieu|SoTien|MaTienTe|MaGiaoDich|MaNganHang|ThoiGianGD|ThongTinGiaoDich|secret) ' +
    'in constant time and our MaDoiTac (97), the reference (01), the amount (04), still pending (02), durable write, 00. A failed payment is recorded and answered 00. ' +
    'The reply carries our own MaXacThuc = SHA-256(MaLoi|MaDoiTac|MaThamChieu|ThoiGianGD|secret), never the caller\u2019s. ' +
    'No official specification is public: the field order is read in public code, the reply codes beyond 00 and the reply checksum are ours (unverified).',
  tags: ['callbacks'],
  auth: 'signed',
  request: { body: PlatformConfirmSchema },
  responses: { 200: { description: 'Our signed reply (also for refusals: the code says why)', schema: PlatformConfirmReplySchema } },
  examples: { request: { body: confirmExample }, responses: { 200: replyExample } },
});
