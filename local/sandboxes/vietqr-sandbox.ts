import { randomUUID } from 'node:crypto';
import type { LocalRoute } from '../api-gateway';
import { signatureHeader } from '../../shared/platform/kernel/timestamped-hmac';
import { vietnamDate } from '../../shared/platform/kernel/time';
import QRCode from 'qrcode';
import { Banks, QRPay } from 'vietnam-qr-pay';
import { formatVnd } from '../../shared/modules/fees/domain/money';
import { escapeHtml, formFields, page, vietnamTime } from './html';
import type { PaymentSandbox } from './payment-sandbox';
import { bankBookingDate, PLANTS, VietqrBankBooks, type Plant } from './vietqr-bank-books';

export interface VietqrSandboxOptions {
  readonly secret: string;
  readonly webhookUrl: () => string;
}

/** What the bank draws for a transfer: its event and transaction ids and the instant it was made. */
export interface TransferDraw {
  readonly eventId: string;
  readonly transactionId: string;
  readonly at: Date;
  /** When the notification is signed and sent (the signature's timestamp); the transfer's own instant unless later. */
  readonly sentAt?: Date;
}

/** The bank's notification of a transfer: the JSON body and its `X-Signature` over those exact bytes. */
export function transferNotification(secret: string, transfer: { reference: string; amount: number }, draw: TransferDraw): { body: string; signature: string } {
  const body = JSON.stringify({
    eventId: draw.eventId,
    reference: transfer.reference,
    amount: transfer.amount,
    transactionId: draw.transactionId,
    paidAt: draw.at.toISOString(),
    bankCode: 'SANDBOX',
  });
  return { body, signature: signatureHeader(secret, Math.floor((draw.sentAt ?? draw.at).getTime() / 1000), body) };
}

/** The bank's id of a transfer it makes now (FT + the instant + 3 random digits: two transfers of one millisecond differ). */
export function bankTransactionId(now = new Date()): string {
  return `FT${now.getTime()}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
}

/**
 * Posts the bank's transfer notification, signed like a real bank would, to our webhook. `at` is when
 * the payer made the transfer (now unless a test or a demo says otherwise, e.g. 23:30 last night);
 * the notification is signed now, as the bank sends it now.
 */
export async function postTransfer(options: VietqrSandboxOptions, transfer: { reference: string; amount: number }, draw: Partial<TransferDraw> = {}) {
  const now = new Date();
  const at = draw.at ?? now;
  const transactionId = draw.transactionId ?? bankTransactionId(now);
  const { body, signature } = transferNotification(options.secret, transfer, { eventId: draw.eventId ?? `sandbox-${randomUUID()}`, transactionId, at, sentAt: now });
  const response = await fetch(options.webhookUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature': signature },
    body,
  });
  return { status: response.status, body: await response.text(), transactionId, at };
}

/** What a bank app reads from a scanned VietQR: the payee, the amount and the transfer content. */
export interface ScannedQr {
  readonly bankBin: string;
  readonly bankName: string;
  readonly accountNo: string;
  readonly amount: number | undefined;
  readonly reference: string;
}

/** Reads an EMVCo VietQR payload as a bank app does; undefined when it is not a valid VietQR (bad CRC, other scheme). */
export function scanVietQr(payload: string): ScannedQr | undefined {
  const qr = new QRPay(payload);
  if (!qr.isValid || !qr.consumer?.bankBin || !qr.consumer.bankNumber) return undefined;
  const bank = Banks.find((b) => b.bin === qr.consumer.bankBin);
  return {
    bankBin: qr.consumer.bankBin,
    bankName: bank ? `${bank.shortName} (${bank.name})` : `BIN ${qr.consumer.bankBin}`,
    accountNo: qr.consumer.bankNumber,
    amount: qr.amount ? Number(qr.amount) : undefined,
    reference: qr.additionalData?.purpose ?? '',
  };
}

/** The QR as an inline SVG image, drawn by the `qrcode` package. */
export function qrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: 240 });
}

/** What our webhook's answer means, in words a person at the bank page reads. */
const ACK_WORDS: Readonly<Record<string, string>> = {
  applied: 'Đã ghi nhận: hồ sơ được đánh dấu đã thanh toán.',
  late: 'Tiền về sau khi khoản thanh toán hết hạn hoặc bị hủy: vẫn được ghi nhận là đã thanh toán (đối soát muộn).',
  duplicate: 'Giao dịch này đã được ghi nhận trước đó; không ghi nhận lần nữa.',
  amount_mismatch: 'Số tiền không khớp với khoản phải nộp: chưa được ghi nhận là đã thanh toán.',
  unmatched: 'Không có khoản thanh toán nào mang nội dung chuyển khoản này.',
};

/** The webhook's status and body as a sentence; never the raw JSON. */
export function describeTransferResult(result: { status: number; body: string }): { ok: boolean; text: string } {
  let parsed: { result?: string; error?: { message?: string }; message?: string } = {};
  try {
    parsed = JSON.parse(result.body) as typeof parsed;
  } catch {
    // A body that is not JSON is described by its status alone.
  }
  if (result.status >= 200 && result.status < 300) {
    const text = ACK_WORDS[parsed.result ?? ''] ?? `Hệ thống đã nhận thông báo (HTTP ${result.status}).`;
    return { ok: parsed.result === 'applied' || parsed.result === 'late' || parsed.result === 'duplicate', text };
  }
  const why = parsed.error?.message ?? parsed.message ?? '';
  return { ok: false, text: `Hệ thống từ chối thông báo (HTTP ${result.status})${why ? `: ${why}` : ''}.` };
}

/**
 * When the payer made the transfer: absent or empty is now; an instant with its zone (`…Z`,
 * `…+07:00`) as given; a date and time without a zone (the page's field) is Viet Nam time.
 */
export function transferInstant(value: string | undefined, now: Date): Date | undefined {
  if (value === undefined || value.trim() === '') return now;
  const text = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value.trim()) ? `${value.trim()}+07:00` : value.trim();
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** What is wrong with a transfer the payer asks for, by field: a bank moves no money without a content and a whole amount. */
function transferIssues(fields: Record<string, string>, at: Date | undefined): { path: string; message: string }[] {
  return [
    ...((fields.reference ?? '').trim() === '' ? [{ path: 'reference', message: 'required' }] : []),
    ...(/^\d{1,15}$/.test(fields.amount ?? '') && Number(fields.amount) > 0 ? [] : [{ path: 'amount', message: 'a positive whole number of VND' }]),
    ...(at ? [] : [{ path: 'at', message: 'an ISO-8601 instant (or a Viet Nam date and time)' }]),
  ];
}

/**
 * A sandbox bank: a page with a button (and a JSON endpoint) that makes a transfer notification,
 * and the account statement of each booking day (`/sandbox/vietqr/statement/<yyyy-mm-dd>.csv`,
 * `?plant=missing,amount,extra`), the file the daily reconciliation of vietqr reads.
 */
export function vietqrSandboxRoutes(options: VietqrSandboxOptions): LocalRoute[] {
  const books = new VietqrBankBooks();
  const form = async (prefill: { qr?: string; reference?: string; amount?: string } = {}, message = '') => {
    const scanned = prefill.qr ? scanVietQr(prefill.qr) : undefined;
    const reference = prefill.reference ?? scanned?.reference ?? '';
    const amount = prefill.amount ?? (scanned?.amount !== undefined ? String(scanned.amount) : '');
    const qrBox = scanned
      ? `<div class="box" id="scanned"><div id="qr">${await qrSvg(prefill.qr!)}</div>
<p>Người nhận: <strong id="payee">${escapeHtml(scanned.accountNo)}</strong> · ${escapeHtml(scanned.bankName)}</p>
<p>Số tiền: <strong>${scanned.amount !== undefined ? `${formatVnd(scanned.amount)} VND` : '(người chuyển nhập)'}</strong> · Nội dung: <strong>${escapeHtml(scanned.reference)}</strong></p></div>`
      : prefill.qr
        ? '<p class="error" id="qr-invalid">Mã QR không hợp lệ (không phải VietQR hoặc sai mã kiểm tra).</p>'
        : '';
    return `<h1>Ngân hàng (sandbox): chuyển khoản VietQR</h1>${message}${qrBox}<div class="box">
<form method="post" action="/sandbox/vietqr/transfer">
<p><label>Nội dung chuyển khoản (mã tham chiếu) <input name="reference" id="reference" required value="${escapeHtml(reference)}"></label></p>
<p><label>Số tiền (VND) <input name="amount" id="amount" type="number" min="1" required value="${escapeHtml(amount)}"></label></p>
<p><label>Thời điểm chuyển (giờ Việt Nam; để trống là bây giờ) <input name="at" id="at" type="datetime-local"></label></p>
<button id="transfer">Chuyển khoản</button></form>
<p>Sao kê ngày hôm nay (CSV, giao dịch từ 22:00 ghi sổ ngày hôm sau): <a id="statement" href="/sandbox/vietqr/statement/${vietnamDate(new Date())}.csv">/sandbox/vietqr/statement/${vietnamDate(new Date())}.csv</a></p></div>`;
  };
  return [
    {
      method: 'GET',
      path: '/sandbox/vietqr',
      // `?qr=<payload>` plays a scan of the payment's QR: the form is filled from it.
      handle: async (request, response) => {
        const qr = new URL(request.url ?? '/', 'http://local').searchParams.get('qr') ?? undefined;
        page(response, 200, 'Ngân hàng sandbox', await form(qr ? { qr } : {}));
      },
    },
    {
      method: 'POST',
      path: '/sandbox/vietqr/transfer',
      async handle(request, response, body) {
        const fields = formFields(request, body);
        const json = (request.headers['content-type'] ?? '').includes('application/json');
        const requestedAt = transferInstant(fields.at, new Date());
        const issues = transferIssues(fields, requestedAt);
        if (issues.length > 0) {
          if (!json) return page(response, 400, 'Ngân hàng sandbox', await form({}, `<p class="error" id="result">Không chuyển được: ${escapeHtml(issues.map((i) => i.path).join(', '))}.</p>`));
          response.writeHead(400, { 'content-type': 'application/json' });
          return void response.end(JSON.stringify({ message: 'POST /sandbox/vietqr/transfer {reference, amount, at?}', details: issues }));
        }
        const transfer = { reference: fields.reference!.trim(), amount: Number(fields.amount) };
        const at = requestedAt!;
        const transactionId = bankTransactionId();
        // The money moves before the bank tells anyone: on the statement whatever our webhook answers.
        books.record({ ...transfer, transactionId, at });
        const result = await postTransfer(options, transfer, { at, transactionId });
        if (json) {
          response.writeHead(200, { 'content-type': 'application/json' });
          return void response.end(JSON.stringify({
            webhookStatus: result.status, webhookResponse: result.body, transactionId, at: at.toISOString(), bookingDate: bankBookingDate(at),
          }));
        }
        const outcome = describeTransferResult(result);
        const message = `<div class="box" id="result"><p>Đã chuyển <strong>${formatVnd(transfer.amount)} VND</strong> với nội dung <strong>${escapeHtml(transfer.reference)}</strong>
lúc <time>${escapeHtml(vietnamTime(at))}</time> (giờ Việt Nam), ghi sổ ngày <span id="booking-date">${bankBookingDate(at)}</span>.</p><p id="outcome" class="${outcome.ok ? 'ok' : 'error'}">${escapeHtml(outcome.text)}</p></div>`;
        page(response, 200, 'Ngân hàng sandbox', await form({}, message));
      },
    },
    {
      method: 'GET',
      path: '/sandbox/vietqr/statement/{file}',
      async handle(request, response, _body, params) {
        const day = /^(\d{4}-\d{2}-\d{2})\.csv$/.exec(params.file ?? '')?.[1];
        const plants = (new URL(request.url ?? '/', 'http://local').searchParams.get('plant') ?? '').split(',').filter((p) => p !== '');
        if (!day || plants.some((p) => !PLANTS.includes(p as Plant))) {
          response.writeHead(400, { 'content-type': 'application/json' });
          return void response.end(JSON.stringify({ message: 'GET /sandbox/vietqr/statement/<yyyy-mm-dd>.csv?plant=missing,amount,extra' }));
        }
        response.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
        response.end(books.statement(day, plants as Plant[]));
      },
    },
  ];
}

/** The bank sandbox in the local payment-sandbox registry: its routes, and the settings that point at it. */
export const vietqrSandbox: PaymentSandbox = {
  settings: (baseUrl, sandbox) => ({
    VIETQR_WEBHOOK_SECRETS: sandbox.vietqrWebhookSecrets.join(','),
    VIETQR_BANK_BIN: '970415',
    VIETQR_ACCOUNT_NO: '113366668888',
    VIETQR_ACCOUNT_NAME: 'KHO BAC NHA NUOC (SANDBOX)',
    // Where the daily reconciliation fetches day T's bank statement: the sandbox bank's books.
    SETTLEMENT_FILE_URL_VIETQR: `${baseUrl}/sandbox/vietqr/statement/{date}.csv`,
  }),
  routes: (baseUrl, sandbox) => vietqrSandboxRoutes({ secret: sandbox.vietqrWebhookSecrets[0]!, webhookUrl: () => `${baseUrl()}/v1/callbacks/vietqr` }),
};
