import { randomUUID } from 'node:crypto';
import type { LocalRoute } from '../api-gateway';
import { signatureHeader } from '../../shared/platform/kernel/timestamped-hmac';
import QRCode from 'qrcode';
import { Banks, QRPay } from 'vietnam-qr-pay';
import { formatVnd } from '../../shared/modules/fees/domain/money';
import { escapeHtml, formFields, page, vietnamTime } from './html';
import type { PaymentSandbox } from './payment-sandbox';

export interface VietqrSandboxOptions {
  readonly secret: string;
  readonly webhookUrl: () => string;
}

/** What the bank draws for a transfer: its event and transaction ids and the instant it was made. */
export interface TransferDraw {
  readonly eventId: string;
  readonly transactionId: string;
  readonly at: Date;
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
  return { body, signature: signatureHeader(secret, Math.floor(draw.at.getTime() / 1000), body) };
}

/** Posts the bank's transfer notification, signed like a real bank would, to our webhook. */
export async function postTransfer(options: VietqrSandboxOptions, transfer: { reference: string; amount: number }) {
  const now = new Date();
  const { body, signature } = transferNotification(options.secret, transfer, { eventId: `sandbox-${randomUUID()}`, transactionId: `FT${now.getTime()}`, at: now });
  const response = await fetch(options.webhookUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature': signature },
    body,
  });
  return { status: response.status, body: await response.text() };
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

/** A sandbox bank: a page with a button (and a JSON endpoint) that makes a transfer notification. */
export function vietqrSandboxRoutes(options: VietqrSandboxOptions): LocalRoute[] {
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
<button id="transfer">Chuyển khoản</button></form></div>`;
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
        const transfer = { reference: fields.reference ?? '', amount: Number(fields.amount) };
        const at = new Date();
        const result = await postTransfer(options, transfer);
        if ((request.headers['content-type'] ?? '').includes('application/json')) {
          response.writeHead(200, { 'content-type': 'application/json' });
          return void response.end(JSON.stringify({ webhookStatus: result.status, webhookResponse: result.body }));
        }
        const outcome = describeTransferResult(result);
        const message = `<div class="box" id="result"><p>Đã chuyển <strong>${formatVnd(transfer.amount)} VND</strong> với nội dung <strong>${escapeHtml(transfer.reference)}</strong>
lúc <time>${escapeHtml(vietnamTime(at))}</time> (giờ Việt Nam).</p><p id="outcome" class="${outcome.ok ? 'ok' : 'error'}">${escapeHtml(outcome.text)}</p></div>`;
        page(response, 200, 'Ngân hàng sandbox', await form({}, message));
      },
    },
  ];
}

/** The bank sandbox in the local payment-sandbox registry: its routes, and the settings that point at it. */
export const vietqrSandbox: PaymentSandbox = {
  settings: (_baseUrl, sandbox) => ({
    VIETQR_WEBHOOK_SECRETS: sandbox.vietqrWebhookSecrets.join(','),
    VIETQR_BANK_BIN: '970415',
    VIETQR_ACCOUNT_NO: '113366668888',
    VIETQR_ACCOUNT_NAME: 'KHO BAC NHA NUOC (SANDBOX)',
  }),
  routes: (baseUrl, sandbox) => vietqrSandboxRoutes({ secret: sandbox.vietqrWebhookSecrets[0]!, webhookUrl: () => `${baseUrl()}/v1/callbacks/vietqr` }),
};
