import { randomUUID } from 'node:crypto';
import type { LocalRoute } from '../api-gateway';
import { signatureHeader } from '../../shared/platform/kernel/timestamped-hmac';
import { escapeHtml, formFields, page } from './html';

export interface VietqrSandboxOptions {
  readonly secret: string;
  readonly webhookUrl: () => string;
}

/** Posts the bank's transfer notification, signed like a real bank would, to our webhook. */
export async function postTransfer(options: VietqrSandboxOptions, transfer: { reference: string; amount: number }) {
  const body = JSON.stringify({
    eventId: `sandbox-${randomUUID()}`,
    reference: transfer.reference,
    amount: transfer.amount,
    transactionId: `FT${Date.now()}`,
    paidAt: new Date().toISOString(),
    bankCode: 'SANDBOX',
  });
  const response = await fetch(options.webhookUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature': signatureHeader(options.secret, Math.floor(Date.now() / 1000), body) },
    body,
  });
  return { status: response.status, body: await response.text() };
}

/** A sandbox bank: a page with a button (and a JSON endpoint) that makes a transfer notification. */
export function vietqrSandboxRoutes(options: VietqrSandboxOptions): LocalRoute[] {
  const form = (message = '') => `<h1>Ngân hàng (sandbox): chuyển khoản VietQR</h1>${message}<div class="box">
<form method="post" action="/sandbox/vietqr/transfer">
<p><label>Nội dung chuyển khoản (mã tham chiếu) <input name="reference" id="reference" required></label></p>
<p><label>Số tiền (VND) <input name="amount" id="amount" type="number" min="1" required></label></p>
<button id="transfer">Chuyển khoản</button></form></div>`;
  return [
    { method: 'GET', path: '/sandbox/vietqr', handle: async (_q, response) => page(response, 200, 'Ngân hàng sandbox', form()) },
    {
      method: 'POST',
      path: '/sandbox/vietqr/transfer',
      async handle(request, response, body) {
        const fields = formFields(request, body);
        const result = await postTransfer(options, { reference: fields.reference ?? '', amount: Number(fields.amount) });
        if ((request.headers['content-type'] ?? '').includes('application/json')) {
          response.writeHead(200, { 'content-type': 'application/json' });
          return void response.end(JSON.stringify({ webhookStatus: result.status, webhookResponse: result.body }));
        }
        page(response, 200, 'Ngân hàng sandbox', form(`<p id="result">Webhook: ${result.status} ${escapeHtml(result.body)}</p>`));
      },
    },
  ];
}
