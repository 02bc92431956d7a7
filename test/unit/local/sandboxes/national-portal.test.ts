import { describe, expect, it } from 'vitest';
import { NationalPortalSandbox, SANDBOX_PORTAL_ACCOUNT } from '../../../../local/sandboxes/national-portal';
import { buildProgress, buildSnapshot } from '../../../../shared/modules/national-portal/domain/snapshot';
import { dossierOwing } from '../../../support/dossiers';

const { username, password, dstcode, unitCode } = SANDBOX_PORTAL_ACCOUNT;

function loggedIn() {
  const portal = new NationalPortalSandbox();
  const session = (portal.login(username, password, dstcode).body as { session: string }).session;
  const call = (service: string, data: unknown, extra: object = {}) => portal.integrate({ session, madonvi: unitCode, service, data, ...extra }, dstcode).body as { error_code: string; message: string };
  return { portal, call };
}

const snapshot = buildSnapshot(dossierOwing(10_000));

describe('Class: NationalPortalSandbox', () => {
  it('accepts what the adapter builds, and refuses a second insert of the same dossier as "đã tồn tại"', () => {
    const { portal, call } = loggedIn();
    expect(call('DongBoHoSoMC', [snapshot], { isUpdating: 'False' }).error_code).toBe('0');
    expect(call('DongBoHoSoMC', [snapshot], { isUpdating: 'False' })).toMatchObject({ error_code: '-3', message: expect.stringContaining('đã tồn tại') });
    expect(call('DongBoHoSoMC', [snapshot], { isUpdating: 'True' }).error_code).toBe('0');
    const rows = buildProgress(dossierOwing(10_000));
    expect(call('CapNhatTienDoHoSoMC', rows).error_code).toBe('00');
    expect(portal.dossiers.get(snapshot.MaHoSo)!.progress).toEqual(rows);
  });

  it.each([
    ['a missing processing date', (() => { const { NgayXuLy: _x, ...rest } = snapshot; return rest; })(), 'NgayXuLy'],
    ['an unknown status code', { ...snapshot, TrangThaiHoSo: '11' }, 'TrangThaiHoSo'],
    ['a status code 0', { ...snapshot, TrangThaiHoSo: '0' }, 'TrangThaiHoSo'],
    ['a 12-hour time with a marker', { ...snapshot, NgayXuLy: '20260310013000PM' }, 'NgayXuLy'],
    ['an hour past 23', { ...snapshot, NgayXuLy: '20260310243000' }, 'NgayXuLy'],
    ['an impossible date', { ...snapshot, NgayTiepNhan: '20260230090000' }, 'NgayTiepNhan'],
    ['a summary over 1,000 characters', { ...snapshot, TrichYeuHoSo: 'x'.repeat(1_001) }, 'TrichYeuHoSo'],
    ['an appointment date on a 12-hour clock', { ...snapshot, NgayHenTra: '20260317090000PM' }, 'NgayHenTra'],
    ['an appointment date before reception', { ...snapshot, NgayHenTra: '20260309090000' }, 'NgayHenTra'],
  ])('refuses %s', (_case, data, field) => {
    const { portal, call } = loggedIn();
    const reply = call('DongBoHoSoMC', [data], { isUpdating: 'False' });
    expect(reply.error_code).toBe('-1');
    expect(reply.message).toContain(field);
    expect(portal.dossiers.size).toBe(0);
  });

  it('accepts and holds the appointment date (NgayHenTra) the adapter builds from the processing time', () => {
    const { portal, call } = loggedIn();
    const withDue = buildSnapshot(dossierOwing(10_000), { processingDays: 5 });
    expect(withDue.NgayHenTra).toBe('20260317090000');
    expect(call('DongBoHoSoMC', [withDue], { isUpdating: 'False' }).error_code).toBe('0');
    expect(portal.dossiers.get(withDue.MaHoSo)!.snapshot.NgayHenTra).toBe('20260317090000');
  });

  it('refuses progress earlier than the step before it (what a 12-hour clock produces in the afternoon)', () => {
    const { call } = loggedIn();
    call('DongBoHoSoMC', [snapshot], { isUpdating: 'False' });
    const [row] = buildProgress(dossierOwing(0));
    expect(call('CapNhatTienDoHoSoMC', [{ ...row, ThoiDiemXuLy: '20260310150000' }]).error_code).toBe('00');
    expect(call('CapNhatTienDoHoSoMC', [{ ...row, ThoiDiemXuLy: '20260310030000' }]).error_code).toBe('-1');
    expect(call('CapNhatTienDoHoSoMC', Array.from({ length: 11 }, () => row)).error_code).toBe('-1');
  });

  it('asks for a new login once its sessions expire, and refuses a wrong dstcode or password', () => {
    const { portal, call } = loggedIn();
    portal.expireSessions();
    expect(call('DongBoHoSoMC', [snapshot]).error_code).toBe('401');
    expect((portal.login(username, 'wrong', dstcode).body as { error_code: string }).error_code).toBe('-1');
    expect((portal.login(username, password, 'OTHER').body as { error_code: string }).error_code).toBe('-1');
  });
});
