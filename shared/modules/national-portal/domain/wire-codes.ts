import type { Channel } from '../../../platform/kernel/vocabulary';
import type { Dossier } from '../../dossiers';

/**
 * THE mapping table between our vocabulary and the National Public Service Portal's codes.
 *
 * UNVERIFIED: no official DVCQG specification is public. Every code below comes from two provincial
 * codebases (OCPS, TD-DVC; ../shared/design/integrations.md) and must be checked against the
 * province's LGSP documentation before go-live. Nothing else in the code base may spell these codes.
 */

type DossierStatus = Dossier['status'];

/** TrangThaiHoSo, 1–10 (TD-DVC FormatTrangThaiHoSoDVCQG). The dossiers module shows the same codes (a test checks). */
export const TRANG_THAI_HO_SO: Readonly<Record<DossierStatus, number>> = {
  RECEIVED: 2, // new
  AWAITING_PAYMENT: 6, // paying
  PROCESSING: 4, // processing
  SUPPLEMENT_REQUESTED: 5, // waiting
  RESULT_READY: 9, // releasing
  RESULT_RETURNED: 10, // done
  REJECTED: 3, // denied
  WITHDRAWN: 7, // cancelled
  STOPPED: 8, // unresolved
};

/** Every code the portal is known to accept (1 = receiving is never ours: we register already received). */
export const KNOWN_STATUS_CODES: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** KenhThucHien. "2" = online is the only value seen in code (TD-DVC); 1 and 3 are our reading (unverified). */
export const KENH_THUC_HIEN: Readonly<Record<Channel, string>> = { counter: '1', online: '2', postal: '3' };

/** LoaiDoiTuong: 1 citizen, 2 business/organisation (OCPS, TD-DVC). */
export const LOAI_DOI_TUONG = { individual: '1', organisation: '2' } as const;

/** HinhThuc: how the result is returned; 1 = by post (both codebases), 0 otherwise. */
export const HINH_THUC = { postal: '1', other: '0' } as const;

/** DuocThanhToanTrucTuyen (TD-DVC L415–418): "1" paid online, "3" paid otherwise, "0" nothing known. */
export const DUOC_THANH_TOAN_TRUC_TUYEN = { online: '1', notOnline: '3', none: '0' } as const;

/** LoaiPhiLePhi: our reading of phí (fee) / lệ phí (charge) as 1 / 2 (unverified). */
export const LOAI_PHI_LE_PHI = { fee: '1', charge: '2' } as const;

/** DinhDanhCHS.LoaiDinhDanh: 1 = 12-digit personal identification number (TD-DVC). */
export const LOAI_DINH_DANH_CCCD = '1';

/** Service names carried in the integration envelope (OCPS). */
export const PORTAL_SERVICES = { upsert: 'DongBoHoSoMC', progress: 'CapNhatTienDoHoSoMC' } as const;

/** Length limits observed in code (not from a spec): longer values are cut or dropped, never sent. */
export const LENGTH_LIMITS = {
  TrichYeuHoSo: 1_000, // truncated (TD-DVC L279)
  NguoiXuLy: 50, // TD-DVC L365
  GhiChu: 2_000, // OCPS drops the whole note when longer
  NoiDungXuLy: 1_000, // our own cap: progress text is ours, keep it within the summary's limit
} as const;

/** At most this many progress rows per CapNhatTienDoHoSoMC call (TD-DVC L609). */
export const PROGRESS_CHUNK = 10;
