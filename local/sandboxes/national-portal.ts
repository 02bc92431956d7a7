/**
 * A sandbox National Public Service Portal behind an LGSP, speaking what LgspNationalPortal sends
 * (shared/modules/national-portal/lgsp-adapter.ts; UNVERIFIED wire format) and as strict as a real
 * portal would be: a missing processing date, an unknown status code or a time that is not a
 * 24-hour `yyyyMMddHHmmss` is refused with a non-zero error_code.
 */
import { randomUUID } from 'node:crypto';
import * as z from '../../shared/platform/api/zod';
import type { LocalRoute } from '../api-gateway';
import { escapeHtml, page } from './html';

export const NATIONAL_PORTAL_PREFIX = '/sandbox/national-portal';
export const SANDBOX_PORTAL_ACCOUNT = { username: 'toantrinh', password: 'sandbox-lgsp', dstcode: 'SANDBOX-DST', unitCode: '000.00.00.H00' } as const;

/** A 24-hour Viet Nam timestamp: hours 00–23, a real calendar date, no AM/PM. */
export function isPortalTimestamp(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{14}$/.test(value)) return false;
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((i, k) => Number(value.slice(i, k === 0 ? 4 : i + 2)));
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo! - 1 && date.getUTCDate() === d && h! <= 23 && mi! <= 59 && s! <= 59;
}

const timestamp = z.custom<string>(isPortalTimestamp, 'phải là yyyyMMddHHmmss 24 giờ');
const code = z.string().check(z.regex(/^(10|[1-9])$/, 'mã trạng thái không hợp lệ (1–10)'));
const SnapshotSchema = z.looseObject({
  MaHoSo: z.string().check(z.minLength(1), z.maxLength(64)),
  MaTTHC: z.string().check(z.minLength(1), z.maxLength(100)),
  TrichYeuHoSo: z.string().check(z.maxLength(1_000)),
  ChuHoSo: z.string().check(z.minLength(1), z.maxLength(500)),
  LoaiDoiTuong: z.enum(['1', '2', '3', '4']),
  TrangThaiHoSo: code,
  KenhThucHien: z.enum(['1', '2', '3']),
  HinhThuc: z.enum(['0', '1']),
  DuocThanhToanTrucTuyen: z.enum(['0', '1', '3']),
  DanhSachLePhi: z.array(z.looseObject({ TenPhiLePhi: z.string().check(z.minLength(1)), MaPhiLePhi: z.string().check(z.minLength(1)), LoaiPhiLePhi: z.enum(['1', '2']), Gia: z.int().check(z.nonnegative()) })),
  NgayNopHoSo: timestamp,
  NgayTiepNhan: timestamp,
  NgayXuLy: timestamp,
  NgayHenTra: z.optional(timestamp),
  NgayKetThucXuLy: z.optional(timestamp),
  NgayTra: z.optional(timestamp),
  NgayTuChoi: z.optional(timestamp),
  GhiChu: z.optional(z.string().check(z.maxLength(2_000))),
});
const ProgressSchema = z.looseObject({
  MaHoSo: z.string().check(z.minLength(1), z.maxLength(64)),
  NguoiXuLy: z.string().check(z.minLength(1), z.maxLength(50)),
  PhongBanXuLy: z.string(),
  NoiDungXuLy: z.string().check(z.minLength(1)),
  TrangThai: code,
  ThoiDiemXuLy: timestamp,
  NgayBatDau: timestamp,
});
const EnvelopeSchema = z.looseObject({ session: z.string(), madonvi: z.string(), service: z.string() });

export interface HeldDossier {
  readonly snapshot: Record<string, unknown>;
  readonly progress: Record<string, unknown>[];
  readonly upserts: number;
}

/** What the sandbox portal holds, and the switches tests and people use. */
export class NationalPortalSandbox {
  readonly dossiers = new Map<string, { snapshot: Record<string, unknown>; progress: Record<string, unknown>[]; upserts: number }>();
  private readonly sessions = new Set<string>();
  down = false;
  /** MaHoSo whose upserts are refused (a portal-side rule a person must sort out). */
  readonly refused = new Set<string>();

  login(username: unknown, password: unknown, dstcode: unknown): { status: number; body: unknown } {
    if (dstcode !== SANDBOX_PORTAL_ACCOUNT.dstcode) return { status: 200, body: { error_code: '-1', message: 'dstcode không hợp lệ' } };
    if (username !== SANDBOX_PORTAL_ACCOUNT.username || password !== SANDBOX_PORTAL_ACCOUNT.password) return { status: 200, body: { error_code: '-1', message: 'Sai tài khoản' } };
    const session = randomUUID();
    this.sessions.add(session);
    return { status: 200, body: { session, error_code: 0 } };
  }

  /** Forgets every session, as an LGSP restart would. */
  expireSessions(): void {
    this.sessions.clear();
  }

  integrate(body: unknown, dstcode: unknown): { status: number; body: unknown } {
    const envelope = EnvelopeSchema.safeParse(body);
    if (!envelope.success || dstcode !== SANDBOX_PORTAL_ACCOUNT.dstcode) return { status: 200, body: { error_code: '-1', message: 'Thiếu session, madonvi, service hoặc dstcode' } };
    if (!this.sessions.has(envelope.data.session)) return { status: 200, body: { error_code: '401', message: 'Phiên làm việc hết hạn' } };
    if (envelope.data.madonvi !== SANDBOX_PORTAL_ACCOUNT.unitCode) return { status: 200, body: { error_code: '-1', message: 'madonvi không hợp lệ' } };
    const data = (body as { data?: unknown }).data;
    if (envelope.data.service === 'DongBoHoSoMC') return this.upsert(data, (body as { isUpdating?: unknown }).isUpdating);
    if (envelope.data.service === 'CapNhatTienDoHoSoMC') return this.progress(data);
    return { status: 200, body: { error_code: '-1', message: `Dịch vụ ${envelope.data.service} không tồn tại` } };
  }

  private upsert(data: unknown, isUpdating: unknown): { status: number; body: unknown } {
    const parsed = z.array(SnapshotSchema).check(z.length(1)).safeParse(data);
    if (!parsed.success) return refusal(parsed.error);
    const snapshot = parsed.data[0]!;
    const ma = snapshot.MaHoSo;
    if (snapshot.NgayXuLy < snapshot.NgayTiepNhan) return { status: 200, body: { error_code: '-1', message: 'NgayXuLy trước NgayTiepNhan' } };
    if (snapshot.NgayHenTra !== undefined && snapshot.NgayHenTra < snapshot.NgayTiepNhan) return { status: 200, body: { error_code: '-1', message: 'NgayHenTra trước NgayTiepNhan' } };
    if (this.refused.has(ma)) return { status: 200, body: { error_code: '-1', message: 'Hồ sơ bị từ chối đồng bộ' } };
    const held = this.dossiers.get(ma);
    if (held && isUpdating !== 'True') return { status: 200, body: { error_code: '-3', message: `Hồ sơ ${ma} đã tồn tại` } };
    this.dossiers.set(ma, { snapshot, progress: held?.progress ?? [], upserts: (held?.upserts ?? 0) + 1 });
    return { status: 200, body: { error_code: '0', message: 'Đồng bộ thành công' } };
  }

  private progress(data: unknown): { status: number; body: unknown } {
    const parsed = z.array(ProgressSchema).check(z.minLength(1), z.maxLength(10)).safeParse(data);
    if (!parsed.success) return refusal(parsed.error);
    for (const row of parsed.data) {
      const held = this.dossiers.get(row.MaHoSo);
      if (!held) return { status: 200, body: { error_code: '-1', message: `Hồ sơ ${row.MaHoSo} chưa được đồng bộ` } };
      const last = held.progress.at(-1)?.ThoiDiemXuLy;
      // Rows arrive in processing order; one earlier than the last is a clock error (12-hour time).
      if (typeof last === 'string' && row.ThoiDiemXuLy < last) return { status: 200, body: { error_code: '-1', message: 'ThoiDiemXuLy trước bước trước' } };
    }
    for (const row of parsed.data) this.dossiers.get(row.MaHoSo)!.progress.push(row);
    return { status: 200, body: { error_code: '00', message: 'Cập nhật thành công' } };
  }
}

function refusal(error: z.core.$ZodError): { status: number; body: unknown } {
  const first = error.issues[0];
  return { status: 200, body: { error_code: '-1', message: `Dữ liệu không hợp lệ: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`.trim() } };
}

function json(response: Parameters<LocalRoute['handle']>[1], status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function parse(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8') || '{}');
  } catch {
    return undefined;
  }
}

/** The routes of one sandbox portal. */
export function nationalPortalRoutes(portal: NationalPortalSandbox): LocalRoute[] {
  const outage = (response: Parameters<LocalRoute['handle']>[1]) => json(response, 503, { error_code: '-99', message: 'Hệ thống đang bảo trì' });
  return [
    {
      method: 'POST',
      path: `${NATIONAL_PORTAL_PREFIX}/api/auth`,
      async handle(request, response, body) {
        if (portal.down) return outage(response);
        const creds = parse(body) as { username?: unknown; password?: unknown } | undefined;
        const { status, body: reply } = portal.login(creds?.username, creds?.password, request.headers.dstcode);
        json(response, status, reply);
      },
    },
    {
      method: 'POST',
      path: `${NATIONAL_PORTAL_PREFIX}/api/integration`,
      async handle(request, response, body) {
        if (portal.down) return outage(response);
        const { status, body: reply } = portal.integrate(parse(body), request.headers.dstcode);
        json(response, status, reply);
      },
    },
    {
      method: 'PUT',
      path: `${NATIONAL_PORTAL_PREFIX}/outage`,
      async handle(_request, response, body) {
        const down = (parse(body) as { down?: unknown } | undefined)?.down;
        if (typeof down !== 'boolean') return json(response, 400, { message: 'body must be {"down": true|false}' });
        portal.down = down;
        json(response, 200, { down });
      },
    },
    {
      method: 'PUT',
      path: `${NATIONAL_PORTAL_PREFIX}/refusals/{MaHoSo}`,
      async handle(_request, response, body, params) {
        const refuse = (parse(body) as { refuse?: unknown } | undefined)?.refuse;
        if (typeof refuse !== 'boolean') return json(response, 400, { message: 'body must be {"refuse": true|false}' });
        const ma = params.MaHoSo!;
        if (refuse) portal.refused.add(ma);
        else portal.refused.delete(ma);
        json(response, 200, { MaHoSo: ma, refuse });
      },
    },
    {
      method: 'POST',
      path: `${NATIONAL_PORTAL_PREFIX}/sessions/expire`,
      async handle(_request, response) {
        portal.expireSessions();
        json(response, 200, { expired: true });
      },
    },
    {
      method: 'GET',
      path: `${NATIONAL_PORTAL_PREFIX}/dossiers/{MaHoSo}`,
      async handle(_request, response, _body, params) {
        const held = portal.dossiers.get(params.MaHoSo!);
        if (!held) return json(response, 404, { message: 'not held' });
        json(response, 200, { snapshot: held.snapshot, progress: held.progress });
      },
    },
    {
      method: 'GET',
      path: NATIONAL_PORTAL_PREFIX,
      async handle(_request, response) {
        const rows = [...portal.dossiers.values()]
          .map(({ snapshot: s, progress }) => `<tr><td><a href="${NATIONAL_PORTAL_PREFIX}/dossiers/${encodeURIComponent(String(s.MaHoSo))}">${escapeHtml(String(s.MaHoSo))}</a></td><td>${escapeHtml(String(s.TrangThaiHoSo))}</td><td>${escapeHtml(String(s.DuocThanhToanTrucTuyen))}</td><td>${escapeHtml(String(s.HinhThuc))}</td><td>${progress.length}</td><td>${escapeHtml(String(s.NgayXuLy))}</td></tr>`)
          .join('');
        page(response, 200, 'Cổng Dịch vụ công quốc gia (sandbox)', `<h1>Cổng Dịch vụ công quốc gia</h1>
<p>Trạng thái: <strong id="state">${portal.down ? 'đang bảo trì (outage)' : 'hoạt động'}</strong></p>
<table class="box"><thead><tr><th>MaHoSo</th><th>TrangThaiHoSo</th><th>ThanhToanTrucTuyen</th><th>HinhThuc</th><th>Tiến độ</th><th>NgayXuLy</th></tr></thead><tbody>${rows}</tbody></table>`);
      },
    },
  ];
}
