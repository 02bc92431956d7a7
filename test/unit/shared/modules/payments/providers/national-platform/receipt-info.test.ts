import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { feeLinesOf, POSTAGE_ITEM, receiptInfo } from '../../../../../../../shared/modules/payments/providers/national-platform/receipt-info';
import type { PayableDossier } from '../../../../../../../shared/modules/payments/ports';

const beneficiary = { accountNo: '3511012345678', bankCode: '01201001', accountName: 'KBNN HAI PHONG' };

const item = (kind: 'fee' | 'charge' | 'postage', code: string, vi: string, amount: number) => ({ kind, code, label: { vi, en: vi }, amount, basis: '', legalBasis: '' });

/** Enterprise registration at the counter: 100,000 phí + 50,000 lệ phí, and 25,000 of postage added later. */
function dossier(overrides: Partial<PayableDossier> = {}): PayableDossier {
  return {
    dossierNo: 'H31.27-000123',
    procedureCode: '1.000956',
    agencyCode: 'HP-STC',
    applicant: { citizenId: '079099054321', fullName: 'Phạm Thị Thu Hà', phone: '+84912000222' },
    fees: {
      scheduleVersion: 'TT47-2019', submittedAt: '2026-11-21T01:00:00Z', assessedAt: '2026-11-21T01:00:00Z', reductions: [], total: 150_000, currency: 'VND',
      items: [item('fee', 'registration_publication', 'Phí công bố nội dung đăng ký doanh nghiệp', 100_000), item('charge', 'enterprise_registration', 'Lệ phí đăng ký doanh nghiệp', 50_000)],
    },
    extraCharges: 25_000,
    payments: [],
    ...overrides,
  };
}

describe('ThongTinBienLai of an INIT', () => {
  it('lists phí as LoaiPhiLePhi 1 and lệ phí as 2, and postage only as its own DSKhoanNop item', () => {
    const info = receiptInfo(dossier(), 175_000, beneficiary);
    expect(info.PhiLePhi).toEqual([
      { LoaiPhiLePhi: 1, MaPhiLePhi: 'registration_publication', TenPhiLePhi: 'Phí công bố nội dung đăng ký doanh nghiệp', SoTien: 100_000 },
      { LoaiPhiLePhi: 2, MaPhiLePhi: 'enterprise_registration', TenPhiLePhi: 'Lệ phí đăng ký doanh nghiệp', SoTien: 50_000 },
    ]);
    expect(info.DSKhoanNop).toEqual([
      { NoiDung: 'Phí công bố nội dung đăng ký doanh nghiệp', SoTien: 100_000 },
      { NoiDung: 'Lệ phí đăng ký doanh nghiệp', SoTien: 50_000 },
      { NoiDung: POSTAGE_ITEM, SoTien: 25_000 },
    ]);
    expect(info).toMatchObject({
      MaDichVu: '2', MaDonVi: 'HP-STC', MaHoSo: 'H31.27-000123', MaTTHC: '1.000956', TKThuHuong: beneficiary.accountNo, MaNHThuHuong: beneficiary.bankCode,
      TenTKThuHuong: beneficiary.accountName, HoTenNguoiNop: 'Phạm Thị Thu Hà', SoCMNDNguoiNop: '079099054321', NoiDungThanhToan: 'Nộp phí, lệ phí và cước bưu chính hồ sơ H31.27-000123',
    });
  });

  it('has no fee line for a postage payment after the fees were paid', () => {
    const paid = dossier({ payments: [{ paymentId: 'pay_1', provider: 'vnpay', amount: 150_000, status: 'succeeded' }] });
    const info = receiptInfo(paid, 25_000, beneficiary);
    expect(info.PhiLePhi).toEqual([]);
    expect(info.DSKhoanNop).toEqual([{ NoiDung: POSTAGE_ITEM, SoTien: 25_000 }]);
    expect(info.NoiDungThanhToan).toBe('Nộp cước bưu chính hồ sơ H31.27-000123');
  });

  it('does not count money under refund review as paid', () => {
    const reviewed = dossier({ extraCharges: 0, payments: [{ paymentId: 'pay_1', provider: 'vnpay', amount: 150_000, status: 'succeeded', refundReview: true }] });
    expect(feeLinesOf(reviewed, 150_000)).toEqual({ lines: [expect.objectContaining({ SoTien: 100_000 }), expect.objectContaining({ SoTien: 50_000 })], other: 0 });
  });

  it('leaves out a free lệ phí (online registration) and lines of nothing', () => {
    const online = dossier({ extraCharges: 0, fees: { ...dossier().fees, total: 100_000, items: [dossier().fees.items[0]!, item('charge', 'enterprise_registration', 'Lệ phí', 0)] } });
    expect(feeLinesOf(online, 100_000).lines.map((l) => l.LoaiPhiLePhi)).toEqual([1]);
  });

  it('fuzz: whatever was paid before, the fee lines and the rest add up to the amount, none negative', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constantFrom('fee' as const, 'charge' as const, 'postage' as const), amount: fc.integer({ min: 0, max: 1_000_000 }) }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 1, max: 3_000_000 }),
        (items, paidBefore, amount) => {
          const fees = { ...dossier().fees, items: items.map((i, n) => item(i.kind, `c${n}`, `d${n}`, i.amount)) };
          const { lines, other } = feeLinesOf({ fees, payments: paidBefore > 0 ? [{ paymentId: 'p', provider: 'vnpay', amount: paidBefore, status: 'succeeded' }] : [] }, amount);
          return lines.every((l) => l.SoTien > 0) && other >= 0 && lines.reduce((s, l) => s + l.SoTien, 0) + other === amount;
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
