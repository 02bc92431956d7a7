import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../../../../shared/modules/dossiers';
import { DossierStatuses, DOSSIER_STATUSES } from '../../../../../../shared/modules/dossiers/domain/status';
import { CHANNELS } from '../../../../../../shared/platform/kernel/vocabulary';
import { buildProgress, buildSnapshot, chunk, limit, portalDate } from '../../../../../../shared/modules/national-portal/domain/snapshot';
import { LENGTH_LIMITS, TRANG_THAI_HO_SO } from '../../../../../../shared/modules/national-portal/domain/wire-codes';
import { isPortalTimestamp } from '../../../../../../local/sandboxes/national-portal';
import { dossierOwing, T0 } from '../../../../../support/dossiers';

const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000).toISOString();

function dossierIn(status: Dossier['status'], overrides: Partial<Dossier> = {}): Dossier {
  const base = dossierOwing(50_000);
  return { ...base, status, updatedAt: at(30), timeline: [...base.timeline, { at: at(30), from: base.status, to: status, cause: 'Test', applied: true }], ...overrides };
}

describe('Function: portalDate', () => {
  it.each([
    ['UTC midnight is 07:00 the same day in Viet Nam', '2026-03-10T00:00:00.000Z', '20260310070000'],
    ['17:00 UTC is midnight of the next Viet Nam day', '2026-03-10T17:00:00.000Z', '20260311000000'],
    ['16:59:59 UTC is still the same Viet Nam day, 23:59:59 on a 24-hour clock', '2026-03-10T16:59:59.000Z', '20260310235959'],
    ['an afternoon hour is 13–23, never a 12-hour 01–11', '2026-03-10T06:30:00.000Z', '20260310133000'],
    ['a year boundary', '2026-12-31T17:30:00.000Z', '20270101003000'],
  ])('%s', (_case, iso, expected) => {
    expect(portalDate(iso)).toBe(expected);
    expect(isPortalTimestamp(portalDate(iso))).toBe(true);
  });

  it('refuses what is not an instant instead of sending garbage', () => {
    expect(() => portalDate('yesterday')).toThrow(RangeError);
  });
});

describe('Function: buildSnapshot', () => {
  it.each(DOSSIER_STATUSES)('maps %s to the status code the dossiers module shows, with the processing date present', (status) => {
    const snapshot = buildSnapshot(dossierIn(status));
    expect(snapshot.TrangThaiHoSo).toBe(String(DossierStatuses[status].nationalPortalCode));
    expect(Number(snapshot.TrangThaiHoSo)).toBe(TRANG_THAI_HO_SO[status]);
    expect(snapshot.NgayXuLy).toBe(portalDate(at(30)));
    expect(snapshot.MaHoSo).toBe('H31-0001');
  });

  it.each([
    ['online', '2'],
    ['counter', '1'],
    ['postal', '3'],
  ] as const)('maps the %s channel to KenhThucHien %s', (channel, code) => {
    expect(buildSnapshot({ ...dossierOwing(0), channel }).KenhThucHien).toBe(code);
  });

  it('omits NgayHenTra when the procedure has no processing time, or is unknown', () => {
    expect(buildSnapshot(dossierOwing(0))).not.toHaveProperty('NgayHenTra');
    expect(buildSnapshot(dossierOwing(0), {})).not.toHaveProperty('NgayHenTra');
  });

  it.each([
    // T0 = Tue 10/3/2026 09:00 in Viet Nam.
    ['0 days: the reception day itself', '2026-03-10T02:00:00.000Z', 0, '20260310090000'],
    ['7 working days across a weekend', '2026-03-10T02:00:00.000Z', 7, '20260319090000'],
    ['received Friday 23:30 VN (16:30 UTC), 1 day: Monday', '2026-03-13T16:30:00.000Z', 1, '20260316233000'],
    ['received Friday 00:30 VN (Thursday 17:30 UTC), 1 day: Monday, not Friday', '2026-03-12T17:30:00.000Z', 1, '20260316003000'],
    ['across Tết Bính Ngọ (16–20/2/2026 off)', '2026-02-13T02:00:00.000Z', 1, '20260223090000'],
  ])('sets NgayHenTra = NgayTiepNhan + processing days in working days: %s', (_case, createdAt, processingDays, expected) => {
    const snapshot = buildSnapshot({ ...dossierOwing(0), createdAt }, { processingDays });
    expect(snapshot.NgayTiepNhan).toBe(portalDate(createdAt));
    expect(snapshot.NgayHenTra).toBe(expected);
    expect(isPortalTimestamp(snapshot.NgayHenTra!)).toBe(true);
  });

  it('omits NgayHenTra rather than guess past the holiday table', () => {
    expect(buildSnapshot({ ...dossierOwing(0), createdAt: '2027-12-30T02:00:00.000Z' }, { processingDays: 5 })).not.toHaveProperty('NgayHenTra');
  });

  it('covers every channel of the vocabulary', () => {
    for (const channel of CHANNELS) expect(buildSnapshot({ ...dossierOwing(0), channel }).KenhThucHien).toMatch(/^[123]$/);
  });

  it('flags online payment, postal return, fee lines and the finishing dates of a returned dossier', () => {
    const dossier = dossierIn('RESULT_RETURNED', {
      payments: [{ paymentId: 'p1', provider: 'vnpay', amount: 50_000, status: 'succeeded', paidAt: at(5) }],
      delivery: { deliveryId: 'd1', status: 'DELIVERED', postage: 22_000, postagePayer: 'prepaid' },
      result: { kind: 'paper', issuedAt: at(20), returnedAt: at(30), returnChannel: 'postal' },
    });
    const snapshot = buildSnapshot(dossier);
    expect(snapshot).toMatchObject({ TrangThaiHoSo: '10', DuocThanhToanTrucTuyen: '1', HinhThuc: '1', NgayKetThucXuLy: portalDate(at(20)), NgayTra: portalDate(at(30)) });
    expect(snapshot.DanhSachLePhi).toEqual([{ TenPhiLePhi: 'x', MaPhiLePhi: 'x', LoaiPhiLePhi: '1', Gia: 50_000 }]);
  });

  it('does not count money under refund review as paid online, nor a counter return as postal', () => {
    const dossier = dossierIn('PROCESSING', { payments: [{ paymentId: 'p1', provider: 'vnpay', amount: 50_000, status: 'succeeded', refundReview: true }] });
    expect(buildSnapshot(dossier)).toMatchObject({ DuocThanhToanTrucTuyen: '0', HinhThuc: '0' });
  });

  it('keeps the observed length limits: a summary cut at 1,000 characters, a note over 2,000 dropped whole', () => {
    const longName = 'Ễ'.repeat(1_200);
    const dossier = dossierIn('REJECTED', { applicant: { ...dossierOwing(0).applicant, fullName: longName } });
    const withNote = { ...dossier, timeline: [...dossier.timeline, { at: at(31), from: 'REJECTED' as const, to: 'REJECTED' as const, cause: 'Note', applied: false, note: 'x'.repeat(2_001) }] };
    const snapshot = buildSnapshot(withNote);
    expect([...snapshot.TrichYeuHoSo]).toHaveLength(LENGTH_LIMITS.TrichYeuHoSo);
    expect(snapshot.GhiChu).toBeUndefined();
    expect(snapshot.NgayTuChoi).toBe(portalDate(at(30)));
    expect(buildSnapshot({ ...dossier, timeline: [...dossier.timeline, { ...withNote.timeline.at(-1)!, note: 'thiếu giấy tờ' }] }).GhiChu).toBe('thiếu giấy tờ');
  });

  it('cuts by character, never inside a Vietnamese letter', () => {
    expect(limit('Nguyễn', 5)).toBe('Nguyễ');
  });
});

describe('Function: buildProgress and chunk', () => {
  it('gives one row per applied step, in order, with 24-hour Viet Nam times and names within 50 characters', () => {
    const dossier = dossierIn('PROCESSING');
    const withIgnored = { ...dossier, timeline: [...dossier.timeline, { at: at(40), from: 'PROCESSING' as const, to: 'PROCESSING' as const, cause: 'PaymentSucceeded', applied: false }] };
    const rows = buildProgress(withIgnored);
    expect(rows.map((r) => r.TrangThai)).toEqual([...dossier.timeline.map((t) => String(TRANG_THAI_HO_SO[t.to]))]);
    for (const row of rows) {
      expect(isPortalTimestamp(row.ThoiDiemXuLy)).toBe(true);
      expect([...row.NguoiXuLy].length).toBeLessThanOrEqual(LENGTH_LIMITS.NguoiXuLy);
    }
  });

  it.each([
    [0, []],
    [1, [1]],
    [10, [10]],
    [11, [10, 1]],
    [25, [10, 10, 5]],
  ])('splits %i rows into calls of %j, order kept', (n, sizes) => {
    const rows = Array.from({ length: n }, (_, i) => i);
    const chunks = chunk(rows);
    expect(chunks.map((c) => c.length)).toEqual(sizes);
    expect(chunks.flat()).toEqual(rows);
  });

  it('refuses a chunk size that is not a positive integer', () => {
    expect(() => chunk([1], 0)).toThrow(RangeError);
  });
});
