import { randomInt } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { formatVnd } from '../../shared/modules/fees/domain/money';
import {
  amountOf,
  CHECKSUM_FIELDS,
  FeeLineType,
  MessageType,
  platformTime,
  SUCCESS_CODE,
  TransactionState,
  signed,
  verifyMaXacThuc,
  type ReceiptInfo,
  type WireFields,
} from '../../shared/modules/payments/providers/national-platform/protocol';
import type { LocalRoute } from '../api-gateway';
import { escapeHtml, formFields, page } from './html';
import type { PaymentSandbox } from './payment-sandbox';

/**
 * A local stand-in for the national payment platform (DVCQG "Payment Platform") speaking the wire
 * format of shared/modules/payments/providers/national-platform/protocol.ts, which is read in public
 * code, not in an official specification. INIT answers a payment page; the page lets a person choose
 * success, pending-then-success or failure and posts a signed Confirm to our callback (checking
 * that our reply is signed by us); QUERY answers from what was chosen.
 */
export interface NationalPlatformSandboxOptions {
  readonly partnerCode: string;
  readonly secret: string;
  /** This runtime's base URL, read when a route runs. */
  readonly baseUrl: () => string;
}

export const NATIONAL_PLATFORM_PREFIX = '/sandbox/national-platform';

export type PlatformOutcome = 'success' | 'pending' | 'failure';
const OUTCOMES: readonly PlatformOutcome[] = ['success', 'pending', 'failure'];

/** A transaction as the sandbox platform keeps it. */
interface SandboxTransaction {
  readonly init: WireFields & { readonly ThongTinBienLai?: ReceiptInfo; readonly return_url?: string };
  state: 'initiated' | 'paid' | 'pending' | 'failed';
  /** QUERY answers "pending" (3) this many more times before the transaction succeeds. */
  pendingQueries: number;
  transactionNo?: string;
  paidAt?: Date;
}

const BANK = 'VCB';

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

/** TD-DVC's envelope: `{error_code: "0", message: "<JSON text>"}` on success, a plain message otherwise. */
const envelope = (fields: WireFields) => ({ error_code: '0', message: JSON.stringify(fields) });
const refusal = (code: string, message: string) => ({ error_code: code, message });

/** `yyyyMMddHHmmss` (Viet Nam time) as a person reads it: `dd/MM/yyyy HH:mm:ss`. */
export function readableTime(value: unknown): string {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(typeof value === 'string' ? value : '');
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}:${m[6]}` : '';
}

/** The platform's Confirm of a transaction that ended, signed with the partner's secret. */
export function platformConfirm(secret: string, init: WireFields, result: { ok: boolean; transactionNo: string; at: Date }) {
  return signed(
    {
      LoaiBanTin: MessageType.CONFIRM,
      MaLoi: result.ok ? SUCCESS_CODE : '01',
      MaDoiTac: String(init.MaDoiTac ?? ''),
      MaThamChieu: String(init.MaThamChieu ?? ''),
      SoTien: String(init.SoTien ?? ''),
      MaTienTe: 'VND',
      MaGiaoDich: result.transactionNo,
      MaNganHang: BANK,
      ThoiGianGD: platformTime(result.at),
      ThongTinGiaoDich: String(init.ThongTinGiaoDich ?? ''),
    },
    'confirm',
    secret,
  );
}

/** An INIT outage set by PUT …/outage: every INIT, or only one dossier's, answers 503 until lifted. */
interface InitOutage {
  readonly dossierNo?: string;
}

export function nationalPlatformSandboxRoutes(options: NationalPlatformSandboxOptions): LocalRoute[] {
  const transactions = new Map<string, SandboxTransaction>();
  let outage: InitOutage | undefined;
  const initDown = (fields: WireFields) => outage !== undefined && (outage.dossierNo === undefined || (fields.ThongTinBienLai as ReceiptInfo | undefined)?.MaHoSo === outage.dossierNo);
  const payPage = (ref: string) => `${options.baseUrl()}${NATIONAL_PLATFORM_PREFIX}/pay/${encodeURIComponent(ref)}`;

  function answerInit(fields: WireFields) {
    if (!verifyMaXacThuc(fields, 'init', options.secret) || fields.MaDoiTac !== options.partnerCode) return refusal('97', 'Sai mã xác thực hoặc mã đối tác');
    const ref = typeof fields.MaThamChieu === 'string' ? fields.MaThamChieu : '';
    if (!ref || amountOf(fields.SoTien) === undefined) return refusal('01', 'Thiếu mã tham chiếu hoặc số tiền');
    if (transactions.has(ref)) return refusal('02', 'Mã tham chiếu đã tồn tại');
    transactions.set(ref, { init: fields, state: 'initiated', pendingQueries: 0 });
    return envelope({ MaLoi: SUCCESS_CODE, MoTaLoi: 'Thành công', MaThamChieu: ref, UrlThanhToan: payPage(ref) });
  }

  function answerQuery(fields: WireFields) {
    const base = { LoaiBanTin: MessageType.QUERY, MaDoiTac: options.partnerCode, MaThamChieu: String(fields.MaThamChieu ?? '') };
    const sign = (f: WireFields) => envelope(signed(f, 'queryReply', options.secret));
    if (!verifyMaXacThuc(fields, 'query', options.secret) || fields.MaDoiTac !== options.partnerCode) return sign({ ...base, MaLoi: '97' });
    const tx = transactions.get(base.MaThamChieu);
    if (!tx) return sign({ ...base, MaLoi: '01' });
    if (tx.state === 'pending') {
      if (tx.pendingQueries > 0) tx.pendingQueries--;
      else Object.assign(tx, { state: 'paid', transactionNo: tx.transactionNo ?? newTransactionNo(), paidAt: new Date() });
    }
    // Never paid (the citizen left the page): the platform knows it ended unpaid.
    const state = { initiated: TransactionState.FAILED, failed: TransactionState.FAILED, pending: TransactionState.PENDING, paid: TransactionState.SUCCEEDED }[tx.state];
    return sign({
      ...base, MaLoi: SUCCESS_CODE, SoTien: String(tx.init.SoTien ?? ''), MaTienTe: 'VND', MaGiaoDich: tx.transactionNo ?? '', MaNganHang: BANK,
      ThoiGianGD: tx.paidAt ? platformTime(tx.paidAt) : String(tx.init.ThoiGianGD ?? ''), TrangThaiGD: state,
    });
  }

  /** Posts the signed Confirm to our callback and checks that the reply is signed by us, over our fields. */
  async function confirm(tx: SandboxTransaction, ok: boolean): Promise<{ status: number; reply: unknown; signedByUs: boolean }> {
    const body = platformConfirm(options.secret, tx.init, { ok, transactionNo: tx.transactionNo ?? '', at: tx.paidAt ?? new Date() });
    try {
      const response = await fetch(`${options.baseUrl()}/v1/callbacks/national-platform/confirm`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const reply = (await response.json()) as WireFields;
      const signedByUs = verifyMaXacThuc(reply, 'confirmReply', options.secret) && reply.MaXacThuc !== body.MaXacThuc && reply.MaDoiTac === options.partnerCode;
      return { status: response.status, reply, signedByUs };
    } catch (error) {
      return { status: 0, reply: String(error), signedByUs: false };
    }
  }

  const api: LocalRoute = {
    method: 'POST',
    path: `${NATIONAL_PLATFORM_PREFIX}/api`,
    async handle(_request, response, body) {
      let fields: WireFields;
      try {
        fields = JSON.parse(body.toString('utf8') || '{}') as WireFields;
      } catch {
        return json(response, 400, refusal('-1', 'Dữ liệu không phải JSON'));
      }
      if (fields.LoaiBanTin === MessageType.INIT) return initDown(fields) ? json(response, 503, refusal('-1', 'Hệ thống tạm ngừng (sandbox)')) : json(response, 200, answerInit(fields));
      if (fields.LoaiBanTin === MessageType.QUERY) return json(response, 200, answerQuery(fields));
      json(response, 200, refusal('-1', `LoaiBanTin không hỗ trợ: ${String(fields.LoaiBanTin)}`));
    },
  };

  const show: LocalRoute = {
    method: 'GET',
    path: `${NATIONAL_PLATFORM_PREFIX}/pay/{ref}`,
    async handle(_request, response, _body, params) {
      const ref = params.ref ?? '';
      const tx = transactions.get(ref);
      if (!tx) return page(response, 404, 'Không tìm thấy giao dịch', '<h1>Không tìm thấy giao dịch</h1>');
      page(response, 200, 'Cổng thanh toán Dịch vụ công Quốc gia (sandbox)', paymentPage(ref, tx));
    },
  };

  const decide: LocalRoute = {
    method: 'POST',
    path: `${NATIONAL_PLATFORM_PREFIX}/pay/{ref}`,
    async handle(request, response, body, params) {
      // `deliverConfirm=no` simulates a lost Confirm: the money is taken but our server never hears of it.
      const { outcome, deliverConfirm, pendingQueries } = formFields(request, body);
      const tx = transactions.get(params.ref ?? '');
      if (!tx || !OUTCOMES.includes(outcome as PlatformOutcome)) return page(response, 400, 'Giao dịch không hợp lệ', '<h1>Giao dịch không hợp lệ</h1>');
      if (tx.state !== 'initiated') return page(response, 409, 'Giao dịch đã xử lý', '<h1>Giao dịch này đã được xử lý</h1>');
      let confirmed: Awaited<ReturnType<typeof confirm>> | undefined;
      if (outcome === 'pending') {
        Object.assign(tx, { state: 'pending', pendingQueries: Math.max(0, Number(pendingQueries ?? 2) || 0) });
      } else {
        Object.assign(tx, { state: outcome === 'success' ? 'paid' : 'failed', transactionNo: newTransactionNo(), paidAt: new Date() });
        if (deliverConfirm !== 'no') confirmed = await confirm(tx, outcome === 'success');
      }
      if ((request.headers['content-type'] ?? '').includes('application/json')) return json(response, 200, { state: tx.state, confirm: confirmed });
      if (tx.init.return_url) {
        response.writeHead(302, { location: tx.init.return_url });
        return void response.end();
      }
      page(response, 200, 'Kết quả giao dịch', `<h1>Kết quả giao dịch</h1><p id="state">${escapeHtml(tx.state)}</p>`);
    },
  };

  // `{"down": true}` makes INIT answer 503 (`"dossierNo"`: only that dossier's), `{"down": false}` lifts it.
  const setOutage: LocalRoute = {
    method: 'PUT',
    path: `${NATIONAL_PLATFORM_PREFIX}/outage`,
    async handle(_request, response, body) {
      let wanted: { down?: unknown; dossierNo?: unknown };
      try {
        wanted = JSON.parse(body.toString('utf8') || '{}') as typeof wanted;
      } catch {
        return json(response, 400, { message: 'the body must be JSON' });
      }
      if (typeof wanted.down !== 'boolean') return json(response, 400, { message: 'down must be true or false' });
      outage = wanted.down ? (typeof wanted.dossierNo === 'string' ? { dossierNo: wanted.dossierNo } : {}) : undefined;
      json(response, 200, { down: wanted.down, ...(outage?.dossierNo ? { dossierNo: outage.dossierNo } : {}) });
    },
  };

  return [api, show, decide, setOutage];
}

const newTransactionNo = () => `PP${randomInt(100_000_000, 999_999_999)}`;

const FEE_LINE_NAMES: Record<number, string> = { [FeeLineType.PHI]: 'Phí', [FeeLineType.LE_PHI]: 'Lệ phí' };

/** The payment page in Vietnamese: what is paid, line by line, and when, in Viet Nam time. */
function paymentPage(ref: string, tx: SandboxTransaction): string {
  const receipt = tx.init.ThongTinBienLai;
  const rows = (receipt?.DSKhoanNop ?? []).map((item) => {
    const line = receipt?.PhiLePhi.find((l) => l.TenPhiLePhi === item.NoiDung);
    const kind = line ? FEE_LINE_NAMES[line.LoaiPhiLePhi] ?? '' : 'Không phải phí, lệ phí';
    return `<tr><td>${escapeHtml(item.NoiDung)}</td><td>${escapeHtml(kind)}</td><td class="amount">${formatVnd(item.SoTien)} đ</td></tr>`;
  });
  const action = `${NATIONAL_PLATFORM_PREFIX}/pay/${encodeURIComponent(ref)}`;
  return `<h1>Cổng thanh toán Dịch vụ công Quốc gia (sandbox)</h1><div class="box">
<p>Mã tham chiếu: <strong id="reference">${escapeHtml(ref)}</strong></p>
<p>Hồ sơ: <strong id="dossierNo">${escapeHtml(receipt?.MaHoSo ?? '')}</strong> · Người nộp: ${escapeHtml(receipt?.HoTenNguoiNop ?? '')}</p>
<p>${escapeHtml(receipt?.NoiDungThanhToan ?? String(tx.init.ThongTinGiaoDich ?? ''))}</p>
<table><thead><tr><th>Khoản nộp</th><th>Loại</th><th>Số tiền</th></tr></thead><tbody>${rows.join('')}</tbody></table>
<p>Tổng số tiền: <strong id="amount">${formatVnd(amountOf(tx.init.SoTien) ?? 0)} VND</strong></p>
<p>Thời gian giao dịch: <span id="time">${escapeHtml(readableTime(tx.init.ThoiGianGD))}</span> (giờ Việt Nam)</p>
<p>Đơn vị thụ hưởng: ${escapeHtml(receipt?.TenTKThuHuong ?? '')} · ${escapeHtml(receipt?.TKThuHuong ?? '')}</p>
<form method="post" action="${escapeHtml(action)}">
<button name="outcome" value="success" id="pay">Thanh toán thành công</button>
<button name="outcome" value="pending" id="pending">Chờ xử lý, rồi thành công</button>
<button name="outcome" value="failure" id="fail">Thanh toán thất bại</button></form></div>
<p class="sandbox">Mã xác thực: SHA-256 của các trường nối bằng "|" theo thứ tự ${escapeHtml(CHECKSUM_FIELDS.init.join('|'))}|secret (đọc từ mã nguồn công khai, không phải đặc tả chính thức)</p>`;
}

/** The platform sandbox in the local payment-sandbox registry: its routes, and the settings that point at it. */
export const nationalPlatformSandbox: PaymentSandbox = {
  settings: (baseUrl, sandbox) => ({
    NATIONAL_PLATFORM_PARTNER_CODE: sandbox.nationalPlatformPartnerCode,
    NATIONAL_PLATFORM_SECRET: sandbox.nationalPlatformSecret,
    NATIONAL_PLATFORM_API_URL: `${baseUrl}${NATIONAL_PLATFORM_PREFIX}/api`,
    NATIONAL_PLATFORM_ACCOUNT_NO: '3511000000001',
    NATIONAL_PLATFORM_BANK_CODE: 'KBNN-SANDBOX',
    NATIONAL_PLATFORM_ACCOUNT_NAME: 'KHO BAC NHA NUOC (SANDBOX)',
  }),
  routes: (baseUrl, sandbox) => nationalPlatformSandboxRoutes({ partnerCode: sandbox.nationalPlatformPartnerCode, secret: sandbox.nationalPlatformSecret, baseUrl }),
};
