import { describe, expect, it, vi } from 'vitest';
import { LgspNationalPortal, MAX_TIMEOUT_MS } from '../../../../../shared/modules/national-portal/lgsp-adapter';
import { PortalRejectedError, PortalUnavailableError } from '../../../../../shared/modules/national-portal/domain/errors';
import { buildProgress, buildSnapshot } from '../../../../../shared/modules/national-portal/domain/snapshot';
import type { PortalExchange } from '../../../../../shared/modules/national-portal/ports';
import { dossierOwing } from '../../../../support/dossiers';

type Call = { url: string; headers: Record<string, string>; body: any; timeoutMs?: number };

/** A scripted LGSP: answers each request with the next reply of its path. */
function scripted(replies: Record<string, ({ status?: number; body?: unknown } | Error)[]>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    const path = new URL(url).pathname;
    calls.push({ url: path, headers: init.headers as Record<string, string>, body: JSON.parse(String(init.body)) });
    const next = replies[path]?.shift();
    if (!next) throw new Error(`no reply scripted for ${path}`);
    if (next instanceof Error) throw next;
    return new Response(next.body === undefined ? '' : JSON.stringify(next.body), { status: next.status ?? 200 });
  });
  return { calls, fetch: fetch as unknown as typeof globalThis.fetch };
}

const login = (session = 's1') => ({ body: { session, error_code: 0 } });
const ok = { body: { error_code: '0', message: 'Đồng bộ thành công' } };
const snapshot = buildSnapshot(dossierOwing(10_000));

function portal(fetch: typeof globalThis.fetch, timeoutMs?: number) {
  return new LgspNationalPortal({
    url: 'https://lgsp.test/api/', username: 'u', password: 'secret-pw', dstcode: 'DST', unitCode: '000.00.00.H31',
    fetch, ...(timeoutMs ? { timeoutMs } : {}),
  });
}

describe('Class: LgspNationalPortal', () => {
  it('logs in once, keeps the session and sends dstcode, madonvi and the service on every call', async () => {
    // Prepare
    const { calls, fetch } = scripted({ '/api/auth': [login()], '/api/integration': [ok, ok] });
    const p = portal(fetch);
    // Act
    await p.upsert(snapshot, false, []);
    await p.upsert(snapshot, true, []);
    // Assess
    expect(calls.map((c) => c.url)).toEqual(['/api/auth', '/api/integration', '/api/integration']);
    expect(calls.every((c) => c.headers.dstcode === 'DST')).toBe(true);
    expect(calls[1]!.body).toMatchObject({ session: 's1', madonvi: '000.00.00.H31', service: 'DongBoHoSoMC', isUpdating: 'False', data: [snapshot] });
    expect(calls[2]!.body.isUpdating).toBe('True');
  });

  it('on a rejected session logs in again once and retries once', async () => {
    const { calls, fetch } = scripted({
      '/api/auth': [login('old'), login('new')],
      '/api/integration': [ok, { body: { error_code: '401', message: 'Phiên hết hạn' } }, ok],
    });
    const p = portal(fetch);
    await p.upsert(snapshot, true, []);
    await p.upsert(snapshot, true, []);
    expect(calls.map((c) => [c.url, c.body.session])).toEqual([
      ['/api/auth', undefined], ['/api/integration', 'old'], ['/api/integration', 'old'], ['/api/auth', undefined], ['/api/integration', 'new'],
    ]);
  });

  it('gives up after the one retry when the fresh session is refused too', async () => {
    const refused = { body: { error_code: '401' } };
    const { calls, fetch } = scripted({ '/api/auth': [login('a'), login('b')], '/api/integration': [refused, refused] });
    await expect(portal(fetch).upsert(snapshot, true, [])).rejects.toBeInstanceOf(PortalRejectedError);
    expect(calls).toHaveLength(4);
  });

  it('turns "already exists" into an update', async () => {
    const { calls, fetch } = scripted({ '/api/auth': [login()], '/api/integration': [{ body: { error_code: '-3', message: 'Hồ sơ đã tồn tại' } }, ok] });
    await portal(fetch).upsert(snapshot, false, []);
    expect(calls.slice(1).map((c) => c.body.isUpdating)).toEqual(['False', 'True']);
  });

  it.each([
    ['a refusal', { body: { error_code: '-1', message: 'Dữ liệu không hợp lệ' } }, PortalRejectedError],
    ['an outage', { status: 503, body: { error_code: '-99' } }, PortalUnavailableError],
    ['a network failure', new TypeError('fetch failed'), PortalUnavailableError],
  ])('reports %s as its own error class', async (_case, reply, errorClass) => {
    const { fetch } = scripted({ '/api/auth': [login()], '/api/integration': [reply] });
    await expect(portal(fetch).upsert(snapshot, true, [])).rejects.toBeInstanceOf(errorClass);
  });

  it('refuses wrong credentials as a rejection, not an outage', async () => {
    const { fetch } = scripted({ '/api/auth': [{ body: { error_code: '-1', message: 'Sai tài khoản' } }] });
    await expect(portal(fetch).upsert(snapshot, true, [])).rejects.toBeInstanceOf(PortalRejectedError);
  });

  it('never waits longer than 6 s for an answer, whatever it is configured with', async () => {
    const spy = vi.spyOn(AbortSignal, 'timeout');
    const { fetch } = scripted({ '/api/auth': [login()], '/api/integration': [ok] });
    await portal(fetch, 60_000).upsert(snapshot, true, []);
    expect(spy.mock.calls.map(([ms]) => ms)).toEqual([MAX_TIMEOUT_MS, MAX_TIMEOUT_MS]);
    spy.mockRestore();
  });

  it('sends progress in calls of at most 10 rows', async () => {
    const { fetch } = scripted({ '/api/auth': [login()], '/api/integration': [ok] });
    const rows = buildProgress(dossierOwing(0));
    await portal(fetch).progress(rows, []);
    await expect(portal(fetch).progress(Array.from({ length: 11 }, () => rows[0]!), [])).rejects.toBeInstanceOf(RangeError);
  });

  it("puts every request and reply, the login's included, into the caller's trail, without the password or the session", async () => {
    const trail: PortalExchange[] = [];
    const { fetch } = scripted({ '/api/auth': [login('secret-session')], '/api/integration': [ok] });
    await portal(fetch).upsert(snapshot, true, trail);
    expect(trail.map((a) => [a.dossierNo, a.service, a.outcome, a.httpStatus])).toEqual([[snapshot.MaHoSo, 'login', 'ok', 200], [snapshot.MaHoSo, 'DongBoHoSoMC', 'ok', 200]]);
    expect(trail[1]!.request).toMatchObject({ service: 'DongBoHoSoMC', data: [snapshot] });
    const text = JSON.stringify(trail);
    expect(text).not.toContain('secret-pw');
    expect(text).not.toContain('secret-session');
  });

  it('puts a failed exchange into the trail too, with its outcome', async () => {
    const trail: PortalExchange[] = [];
    const { fetch } = scripted({ '/api/auth': [login()], '/api/integration': [{ status: 503, body: { error_code: '-99' } }] });
    await expect(portal(fetch).upsert(snapshot, true, trail)).rejects.toBeInstanceOf(PortalUnavailableError);
    expect(trail.map((a) => [a.service, a.outcome, a.httpStatus])).toEqual([['login', 'ok', 200], ['DongBoHoSoMC', 'unavailable', 503]]);
  });

  it('writes no personal data to the logs', async () => {
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const { fetch } = scripted({ '/api/auth': [login()], '/api/integration': [ok] });
    await portal(fetch).upsert(snapshot, true, []);
    write.mockRestore();
    const text = lines.join('');
    for (const personal of [snapshot.ChuHoSo, snapshot.SoGiayToChuHoSo, snapshot.SoDienThoai]) expect(text).not.toContain(personal);
  });
});
