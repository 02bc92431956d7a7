import { createHash, timingSafeEqual } from 'node:crypto';
import { readVietnamTimestamp, vietnamTimestamp } from '../../../../platform/kernel/time';

/**
 * The national payment platform of the National Public Service Portal (DVCQG "Payment Platform",
 * PP) as pure functions: messages, field orders, checksums, times.
 *
 * NOT AN OFFICIAL SPECIFICATION. No public spec was found (integrations.md §2, "Open and unverified
 * points" 3). Field names and the order of each checksum are read in public code that integrates
 * the platform ([C] OCPS `PayGateUtil`/`PayGateTerm`/`ppConfirmTransaction`, TD-DVC 2025); what no
 * public code shows is marked (unverified) here, in this file only, so that a correction from the
 * real specification is one table below.
 */

/** `PhienBan` sent by the 2024–25 code [C TD-DVC]; (unverified) whether it is still current. */
export const PLATFORM_VERSION = '1.0.6';

/** `LoaiBanTin`: INIT, GET_BILL and QUERY [C TD-DVC]; the Confirm's own value is (unverified). */
export const MessageType = { INIT: 'INIT', QUERY: 'QUERY', GET_BILL: 'GET_BILL', CONFIRM: 'CONFIRM' } as const;

/** The fixed INIT values of the 2025 code [C TD-DVC `InitDvcPaymentRequest.cs`]. */
export const INIT_CONSTANTS = {
  LoaiHinhThanhToan: 'PAY',
  MaKenhThanhToan: '1',
  MaThietBi: '1',
  NgonNgu: 'vi-VN',
  MaNganHang: 'PAYMENT',
  MaTienTe: 'VND',
} as const;

/** `ThongTinBienLai.MaDichVu` 2: fees of an administrative procedure (TTHC) [C TD-DVC]. */
export const SERVICE_TTHC_FEES = '2';

/** `LoaiPhiLePhi` of a fee line: 1 phí, 2 lệ phí (issue 15; OCPS names the two constants, not their values). */
export const FeeLineType = { PHI: 1, LE_PHI: 2 } as const;

/** `TrangThaiGD` of a QUERY answer [C TD-DVC `TaskCheckConfirmGiaoDichThanhToanServices.cs` L59–62]. */
export const TransactionState = { SUCCEEDED: '1', PENDING: '3', FAILED: '4' } as const;

/** `MaLoi` of success [C OCPS `MALOI_SUCCESS`]; the other codes' meanings are (unverified). */
export const SUCCESS_CODE = '00';

/**
 * The fields each `MaXacThuc` covers, in order; the secret is appended last and the whole
 * `f1|f2|…|secret` is hashed with SHA-256 (lower-case hex), as OCPS `PayGateUtil.sha256` does.
 */
export const CHECKSUM_FIELDS = {
  /** [C OCPS `generateChecksum` (15 arguments), TD-DVC]. `ThongTinBienLai` is not covered. */
  init: ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'SoTien', 'LoaiHinhThanhToan', 'MaKenhThanhToan', 'MaThietBi', 'NgonNgu', 'MaTienTe', 'MaNganHang', 'ThongTinGiaoDich', 'ThoiGianGD', 'Ip'],
  /** QUERY and GET_BILL [C OCPS `generateGetBillChecksum` L62–68, TD-DVC L45–60]. */
  query: ['LoaiBanTin', 'PhienBan', 'MaDoiTac', 'MaThamChieu', 'ThoiGianGD'],
  /** The platform's Confirm [C OCPS `ppConfirmTransaction` → `generateChecksum` (11 arguments)]: ThoiGianGD comes before ThongTinGiaoDich. */
  confirm: ['LoaiBanTin', 'MaLoi', 'MaDoiTac', 'MaThamChieu', 'SoTien', 'MaTienTe', 'MaGiaoDich', 'MaNganHang', 'ThoiGianGD', 'ThongTinGiaoDich'],
  /** (unverified) No public code checks the QUERY answer's checksum; we take the Confirm's order with TrangThaiGD last. */
  queryReply: ['LoaiBanTin', 'MaLoi', 'MaDoiTac', 'MaThamChieu', 'SoTien', 'MaTienTe', 'MaGiaoDich', 'MaNganHang', 'ThoiGianGD', 'TrangThaiGD'],
  /** (unverified) Our reply to a Confirm has OCPS's fields; public code echoes the caller's checksum there, we sign these. */
  confirmReply: ['MaLoi', 'MaDoiTac', 'MaThamChieu', 'ThoiGianGD'],
} as const satisfies Record<string, readonly string[]>;

export type ChecksumOf = keyof typeof CHECKSUM_FIELDS;

/** A message's top-level fields as they cross the wire (amounts may come as digits or as a JSON integer). */
export type WireFields = Readonly<Record<string, unknown>>;

/** A field as it enters the checksum: text as received, an integer in decimal, anything else (absent) empty. */
function fieldText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return '';
}

/** `f1|f2|…|fn|secret`, the text that is hashed. */
export function checksumInput(fields: WireFields, order: ChecksumOf, secret: string): string {
  return [...CHECKSUM_FIELDS[order].map((name) => fieldText(fields[name])), secret].join('|');
}

export function maXacThuc(fields: WireFields, order: ChecksumOf, secret: string): string {
  return createHash('sha256').update(checksumInput(fields, order, secret), 'utf8').digest('hex');
}

/** The fields with their `MaXacThuc`. */
export function signed<T extends WireFields>(fields: T, order: ChecksumOf, secret: string): T & { MaXacThuc: string } {
  return { ...fields, MaXacThuc: maXacThuc(fields, order, secret) };
}

/** Constant-time check of `MaXacThuc` over the fields exactly as received. */
export function verifyMaXacThuc(fields: WireFields, order: ChecksumOf, secret: string): boolean {
  const given = fields.MaXacThuc;
  if (typeof given !== 'string' || !/^[0-9a-fA-F]{64}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(maXacThuc(fields, order, secret), 'hex'), Buffer.from(given.toLowerCase(), 'hex'));
}

/** `yyyyMMddHHmmss`, Viet Nam time, 24-hour clock (TD-DVC's `yyyyMMddhhmmss` is a 12-hour clock: a bug we do not copy). */
export const platformTime = (instant: Date): string => vietnamTimestamp(instant);

/** `ThoiGianGD` as an instant; undefined when absent or malformed. */
export const fromPlatformTime: (value: unknown) => Date | undefined = readVietnamTimestamp;

/** `SoTien` as integer VND: digits, or a JSON integer; anything else is no amount. */
export function amountOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) return undefined;
  return Number(value);
}

/** The largest amount we send: 15 digits of VND ((unverified): the platform's own limit is not public). */
export const PLATFORM_MAX_AMOUNT = 999_999_999_999_999;

/** One line of `ThongTinBienLai.PhiLePhi` [C OCPS `createReceiptInfo`]. */
export interface FeeLine {
  readonly LoaiPhiLePhi: (typeof FeeLineType)[keyof typeof FeeLineType];
  readonly MaPhiLePhi: string;
  readonly TenPhiLePhi: string;
  readonly SoTien: number;
}

/** One item of `ThongTinBienLai.DSKhoanNop`: every part of `SoTien`, fee or not [C OCPS `createReceiptInfo`]. */
export interface PayableItem {
  readonly NoiDung: string;
  readonly SoTien: number;
}

/** `ThongTinBienLai` of an INIT for TTHC fees (MaDichVu 2) [C OCPS `createReceiptInfo`; which fields are required is (unverified)]. */
export interface ReceiptInfo {
  readonly MaDichVu: typeof SERVICE_TTHC_FEES;
  readonly MaDonVi: string;
  readonly MaHoSo: string;
  readonly MaTTHC: string;
  readonly TKThuHuong: string;
  readonly MaNHThuHuong: string;
  readonly TenTKThuHuong: string;
  readonly PhiLePhi: readonly FeeLine[];
  readonly DSKhoanNop: readonly PayableItem[];
  readonly NoiDungThanhToan: string;
  readonly HoTenNguoiNop: string;
  readonly SoCMNDNguoiNop: string;
}

export interface InitInput {
  readonly partnerCode: string;
  readonly secret: string;
  readonly reference: string;
  readonly amount: number;
  /** `ThongTinGiaoDich`: covered by the checksum, so plain ASCII (no diacritics to normalise differently). */
  readonly description: string;
  readonly createdAt: Date;
  /** The citizen's address (TD-DVC sends its own server's: a defect we do not copy). */
  readonly ip: string;
  readonly receipt: ReceiptInfo;
  /** Where the platform sends the browser back: the field name `return_url` is OCPS's, commented out there (unverified). */
  readonly returnUrl?: string;
}

/** INIT: starts a transaction; the answer carries `UrlThanhToan`, where the citizen pays. */
export function initRequest(input: InitInput) {
  return {
    ...signed(
      {
        LoaiBanTin: MessageType.INIT,
        PhienBan: PLATFORM_VERSION,
        MaDoiTac: input.partnerCode,
        MaThamChieu: input.reference,
        SoTien: String(input.amount),
        LoaiHinhThanhToan: INIT_CONSTANTS.LoaiHinhThanhToan,
        MaKenhThanhToan: INIT_CONSTANTS.MaKenhThanhToan,
        MaThietBi: INIT_CONSTANTS.MaThietBi,
        NgonNgu: INIT_CONSTANTS.NgonNgu,
        MaTienTe: INIT_CONSTANTS.MaTienTe,
        MaNganHang: INIT_CONSTANTS.MaNganHang,
        ThongTinGiaoDich: input.description,
        ThoiGianGD: platformTime(input.createdAt),
        Ip: input.ip,
      },
      'init',
      input.secret,
    ),
    ThongTinBienLai: input.receipt,
    ...(input.returnUrl ? { return_url: input.returnUrl } : {}),
  };
}

/** QUERY: the transaction's state now; `ThoiGianGD` is the transaction's own time (OCPS: the payment's creation). */
export function queryRequest(input: { partnerCode: string; secret: string; reference: string; transactionAt: Date }) {
  return signed(
    { LoaiBanTin: MessageType.QUERY, PhienBan: PLATFORM_VERSION, MaDoiTac: input.partnerCode, MaThamChieu: input.reference, ThoiGianGD: platformTime(input.transactionAt) },
    'query',
    input.secret,
  );
}

/**
 * The platform's answers come in one of two shapes: TD-DVC reads `{error_code: "0", message: "<JSON
 * text>"}` with the fields inside `message`, OCPS reads the fields at the top with `MaLoi`. Both are
 * accepted; anything else is no answer.
 */
export function unwrapAnswer(body: unknown): WireFields | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  if ('error_code' in record && typeof record.message === 'string') {
    if (String(record.error_code) !== '0') return undefined;
    try {
      const inner: unknown = JSON.parse(record.message);
      return typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? (inner as WireFields) : undefined;
    } catch {
      return undefined;
    }
  }
  return record;
}

/** Our answers to a Confirm (codes beyond 00 are (unverified); they follow the VNPay IPN's, whose checks run in the same order). */
export const ConfirmReply = {
  ACCEPTED: { MaLoi: '00', MoTaLoi: 'Thành công' },
  NOT_FOUND: { MaLoi: '01', MoTaLoi: 'Không tìm thấy giao dịch' },
  ALREADY_CONFIRMED: { MaLoi: '02', MoTaLoi: 'Giao dịch đã được xác nhận' },
  INVALID_AMOUNT: { MaLoi: '04', MoTaLoi: 'Số tiền không hợp lệ' },
  INVALID_CHECKSUM: { MaLoi: '97', MoTaLoi: 'Sai mã xác thực hoặc mã đối tác' },
  OTHER_ERROR: { MaLoi: '99', MoTaLoi: 'Các lỗi khác' },
} as const;
export type ConfirmReplyCode = (typeof ConfirmReply)[keyof typeof ConfirmReply];

/** Our reply, signed with our own `MaXacThuc` over our own fields: never the caller's checksum. */
export function confirmReply(code: ConfirmReplyCode, input: { partnerCode: string; reference: string; transactionTime: string }, secret: string) {
  return signed({ ...code, MaDoiTac: input.partnerCode, MaThamChieu: input.reference, ThoiGianGD: input.transactionTime }, 'confirmReply', secret);
}
export type ConfirmReplyBody = ReturnType<typeof confirmReply>;
