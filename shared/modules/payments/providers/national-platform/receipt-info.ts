import type { PayableDossier } from '../../ports';
import { FeeLineType, SERVICE_TTHC_FEES, type FeeLine, type PayableItem, type ReceiptInfo } from './protocol';
import type { NationalPlatformSettings } from './settings';

const LINE_TYPE = { fee: FeeLineType.PHI, charge: FeeLineType.LE_PHI } as const;

/** The `DSKhoanNop` item of postage: money the payment carries that is not a fee. */
export const POSTAGE_ITEM = 'Cước dịch vụ bưu chính trả kết quả (không phải phí, lệ phí)';

/** Money the dossier received and kept (money flagged for refund review did not pay anything). */
function keptPaid(dossier: Pick<PayableDossier, 'payments'>): number {
  return dossier.payments.filter((p) => p.status === 'succeeded' && !p.refundReview).reduce((sum, p) => sum + p.amount, 0);
}

/**
 * What a payment of `amount` pays for, in the platform's terms: the phí (1) and lệ phí (2) lines still
 * owed, and the rest, which is postage. Money already kept pays the fee lines first, in their order
 * (as the receipts module reads "fees settled"), so a later postage-only payment has no fee line.
 * Postage is never a `PhiLePhi` line: it is the post office's service price (invoiced by the carrier),
 * not a phí or lệ phí, and a fee line would have a biên lai issued for it. It is carried only as its
 * own `DSKhoanNop` item, so that the items add up to `SoTien` and the platform sees the whole amount.
 */
export function feeLinesOf(dossier: Pick<PayableDossier, 'fees' | 'payments'>, amount: number): { lines: FeeLine[]; other: number } {
  let covered = keptPaid(dossier);
  let room = amount;
  const lines: FeeLine[] = [];
  for (const item of dossier.fees.items) {
    if ((item.kind !== 'fee' && item.kind !== 'charge') || item.amount <= 0) continue;
    const paidBefore = Math.min(covered, item.amount);
    covered -= paidBefore;
    const owed = Math.min(item.amount - paidBefore, room);
    if (owed <= 0) continue;
    room -= owed;
    lines.push({ LoaiPhiLePhi: LINE_TYPE[item.kind], MaPhiLePhi: item.code, TenPhiLePhi: item.label.vi, SoTien: owed });
  }
  return { lines, other: room };
}

/** `ThongTinBienLai` of the INIT of a payment of `amount` for this dossier. */
export function receiptInfo(dossier: PayableDossier, amount: number, beneficiary: NationalPlatformSettings['beneficiary']): ReceiptInfo {
  const { lines, other } = feeLinesOf(dossier, amount);
  const items: PayableItem[] = [...lines.map((l) => ({ NoiDung: l.TenPhiLePhi, SoTien: l.SoTien })), ...(other > 0 ? [{ NoiDung: POSTAGE_ITEM, SoTien: other }] : [])];
  const what = lines.length > 0 && other > 0 ? 'phí, lệ phí và cước bưu chính' : lines.length > 0 ? 'phí, lệ phí' : 'cước bưu chính';
  return {
    MaDichVu: SERVICE_TTHC_FEES,
    MaDonVi: dossier.agencyCode,
    MaHoSo: dossier.dossierNo,
    MaTTHC: dossier.procedureCode,
    TKThuHuong: beneficiary.accountNo,
    MaNHThuHuong: beneficiary.bankCode,
    TenTKThuHuong: beneficiary.accountName,
    PhiLePhi: lines,
    DSKhoanNop: items,
    NoiDungThanhToan: `Nộp ${what} hồ sơ ${dossier.dossierNo}`,
    HoTenNguoiNop: dossier.applicant.fullName,
    SoCMNDNguoiNop: dossier.applicant.citizenId,
  };
}
