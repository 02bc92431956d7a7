import { randomUUID } from 'node:crypto';
import type { LocalRoute } from '../api-gateway';
import { signatureHeader } from '../../shared/platform/kernel/timestamped-hmac';
import { escapeHtml, formFields, page } from './html';
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
