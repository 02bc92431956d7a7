import { vietnamTimestamp } from '../../../platform/kernel/time';
import { addWorkingDays } from '../../../platform/kernel/working-days';
import type { Dossier } from '../../dossiers';
import {
  DUOC_THANH_TOAN_TRUC_TUYEN,
  HINH_THUC,
  KENH_THUC_HIEN,
  LENGTH_LIMITS,
  LOAI_DINH_DANH_CCCD,
  LOAI_DOI_TUONG,
  LOAI_PHI_LE_PHI,
  PROGRESS_CHUNK,
  TRANG_THAI_HO_SO,
} from './wire-codes';

/**
 * The dossier as the portal's DongBoHoSoMC upsert receives it: field names are the portal's
 * (unverified, see wire-codes.ts). A full snapshot every time, so a later success repairs any
 * earlier failure; optional fields are absent rather than empty.
 */
export interface PortalSnapshot {
  readonly MaHoSo: string;
  readonly MaTTHC: string;
  readonly TrichYeuHoSo: string;
  readonly ChuHoSo: string;
  readonly LoaiDoiTuong: string;
  readonly SoGiayToChuHoSo: string;
  readonly DinhDanhCHS: readonly { readonly LoaiDinhDanh: string; readonly SoDinhDanh: string }[];
  readonly SoDienThoai: string;
  readonly Email?: string;
  readonly DonViXuLy: string;
  readonly TrangThaiHoSo: string;
  readonly KenhThucHien: string;
  readonly HinhThuc: string;
  readonly DuocThanhToanTrucTuyen: string;
  readonly DanhSachLePhi: readonly PortalFeeLine[];
  readonly NgayNopHoSo: string;
  readonly NgayTiepNhan: string;
  /** The processing date: mandatory on the portal (OCPS PR #2507), always the dossier's last change. */
  readonly NgayXuLy: string;
  readonly NgayHenTra?: string;
  readonly NgayKetThucXuLy?: string;
  readonly NgayTra?: string;
  readonly NgayTuChoi?: string;
  readonly GhiChu?: string;
}

export interface PortalFeeLine {
  readonly TenPhiLePhi: string;
  readonly MaPhiLePhi: string;
  readonly LoaiPhiLePhi: string;
  /** Integer VND. */
  readonly Gia: number;
}

/** One CapNhatTienDoHoSoMC row: a step of the dossier's history. */
export interface PortalProgress {
  readonly MaHoSo: string;
  readonly NguoiXuLy: string;
  readonly ChucDanh: string;
  readonly PhongBanXuLy: string;
  readonly NoiDungXuLy: string;
  readonly TrangThai: string;
  readonly ThoiDiemXuLy: string;
  readonly NgayBatDau: string;
}

/** `yyyyMMddHHmmss`, Asia/Ho_Chi_Minh, 24-hour clock: Lambda runs in UTC, the portal reads Viet Nam time. */
export function portalDate(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not an instant: ${iso}`);
  return vietnamTimestamp(instant);
}

/** Cuts to `max` characters (by code point, so a Vietnamese letter is never split). */
export function limit(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max ? value : chars.slice(0, max).join('');
}

/** What each event did, in the words a clerk reads on the portal. */
const STEP_TEXT: Readonly<Record<string, string>> = {
  DossierRegistered: 'Tiếp nhận hồ sơ trực tuyến',
  PaymentSucceeded: 'Đã thanh toán phí, lệ phí trực tuyến',
  PaymentFailed: 'Thanh toán không thành công',
  ResultReady: 'Đã có kết quả giải quyết',
  ResultCollected: 'Đã trả kết quả',
  DeliveryStatusChanged: 'Cập nhật trả kết quả qua bưu chính',
  SupplementRequested: 'Yêu cầu bổ sung hồ sơ',
  SupplementReceived: 'Đã nhận hồ sơ bổ sung',
  DossierWithdrawn: 'Công dân rút hồ sơ',
  DossierRejected: 'Từ chối hồ sơ',
  DossierStopped: 'Dừng xử lý hồ sơ',
};

/** The system, not a person, records these steps: no officer's name leaves our system. */
const PROCESSOR = 'Hệ thống thanh toán và trả kết quả trực tuyến';

function paymentFlag(dossier: Dossier): string {
  if (dossier.payments.some((p) => p.status === 'succeeded' && !p.refundReview)) return DUOC_THANH_TOAN_TRUC_TUYEN.online;
  if (dossier.level4.paymentChannel === 'not_online') return DUOC_THANH_TOAN_TRUC_TUYEN.notOnline;
  return DUOC_THANH_TOAN_TRUC_TUYEN.none;
}

function returnedByPost(dossier: Dossier): boolean {
  return dossier.delivery !== undefined || dossier.result?.returnChannel === 'postal';
}

/** When the dossier reached `status` last (the timeline is append-only, oldest first). */
function reached(dossier: Dossier, ...statuses: Dossier['status'][]): string | undefined {
  return [...dossier.timeline].reverse().find((t) => t.applied && statuses.includes(t.to) && t.from !== t.to)?.at;
}

/** What the snapshot needs of the dossier's procedure beyond the dossier itself. */
export interface SnapshotProcedure {
  /** Legal processing time in working days; absent when the catalogue does not know it. */
  readonly processingDays?: number;
}

/** NgayHenTra: reception plus the legal processing time in working days (Viet Nam time, holidays skipped). */
function appointment(dossier: Dossier, procedure: SnapshotProcedure | undefined): string | undefined {
  if (procedure?.processingDays === undefined) return undefined;
  const due = addWorkingDays(new Date(dossier.createdAt), procedure.processingDays);
  return due ? portalDate(due.toISOString()) : undefined;
}

/**
 * Builds the full snapshot of a dossier. Pure: the same dossier and procedure always give the same
 * snapshot. Without the procedure's processing time (unknown, or past the holiday table) NgayHenTra
 * is absent rather than invented.
 */
export function buildSnapshot(dossier: Dossier, procedure?: SnapshotProcedure): PortalSnapshot {
  const dueAt = appointment(dossier, procedure);
  const finished = dossier.result?.issuedAt ?? reached(dossier, 'REJECTED', 'WITHDRAWN', 'STOPPED');
  const rejectedAt = dossier.status === 'REJECTED' ? reached(dossier, 'REJECTED') : undefined;
  const note = [...dossier.timeline].reverse().find((t) => t.note)?.note;
  const fees = dossier.fees.items
    .filter((item) => item.kind === 'fee' || item.kind === 'charge')
    .map((item) => ({
      TenPhiLePhi: limit(item.label.vi, 500),
      MaPhiLePhi: item.code,
      LoaiPhiLePhi: item.kind === 'fee' ? LOAI_PHI_LE_PHI.fee : LOAI_PHI_LE_PHI.charge,
      Gia: item.amount,
    }));
  return {
    MaHoSo: dossier.dossierNo,
    MaTTHC: dossier.procedureCode,
    TrichYeuHoSo: limit(`Hồ sơ thủ tục ${dossier.procedureCode} của ${dossier.applicant.fullName}`, LENGTH_LIMITS.TrichYeuHoSo),
    ChuHoSo: dossier.applicant.fullName,
    LoaiDoiTuong: LOAI_DOI_TUONG[dossier.inputs.applicantType ?? 'individual'],
    SoGiayToChuHoSo: dossier.applicant.citizenId,
    DinhDanhCHS: [{ LoaiDinhDanh: LOAI_DINH_DANH_CCCD, SoDinhDanh: dossier.applicant.citizenId }],
    SoDienThoai: dossier.applicant.phone,
    ...(dossier.applicant.email ? { Email: dossier.applicant.email } : {}),
    DonViXuLy: dossier.agencyCode,
    TrangThaiHoSo: String(TRANG_THAI_HO_SO[dossier.status]),
    KenhThucHien: KENH_THUC_HIEN[dossier.channel],
    HinhThuc: returnedByPost(dossier) ? HINH_THUC.postal : HINH_THUC.other,
    DuocThanhToanTrucTuyen: paymentFlag(dossier),
    DanhSachLePhi: fees,
    NgayNopHoSo: portalDate(dossier.submittedAt),
    NgayTiepNhan: portalDate(dossier.createdAt),
    NgayXuLy: portalDate(dossier.updatedAt),
    ...(dueAt ? { NgayHenTra: dueAt } : {}),
    ...(finished ? { NgayKetThucXuLy: portalDate(finished) } : {}),
    ...(dossier.result?.returnedAt ? { NgayTra: portalDate(dossier.result.returnedAt) } : {}),
    ...(rejectedAt ? { NgayTuChoi: portalDate(rejectedAt) } : {}),
    // A note longer than the portal takes is dropped whole (as OCPS does), never cut mid-sentence.
    ...(note && [...note].length <= LENGTH_LIMITS.GhiChu ? { GhiChu: note } : {}),
  };
}

/** Every applied step of the dossier's history, oldest first: row n is always the same step. */
export function buildProgress(dossier: Dossier): PortalProgress[] {
  return dossier.timeline
    .filter((t) => t.applied)
    .map((t) => ({
      MaHoSo: dossier.dossierNo,
      NguoiXuLy: limit(PROCESSOR, 50),
      ChucDanh: '',
      PhongBanXuLy: dossier.agencyCode,
      NoiDungXuLy: limit(STEP_TEXT[t.cause] ?? t.cause, 1_000),
      TrangThai: String(TRANG_THAI_HO_SO[t.to]),
      ThoiDiemXuLy: portalDate(t.at),
      NgayBatDau: portalDate(t.at),
    }));
}

/** Splits rows into calls of at most `size` (the portal's observed limit), order kept. */
export function chunk<T>(rows: readonly T[], size: number = PROGRESS_CHUNK): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('chunk size must be a positive integer');
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}
