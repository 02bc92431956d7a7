import { randomInt } from 'node:crypto';
import { formatVnd } from '../../shared/modules/fees/domain/money';
import { fromVnpAmount, signParams, signQuerydrResponse, verifyParams, hmacSha512, type VnpParams } from '../../shared/modules/payments/providers/vnpay/protocol';
import { fromVietnamTimestamp, vietnamTimestamp } from '../../shared/platform/kernel/time';
import type { LocalRoute } from '../api-gateway';
import { escapeHtml, formFields, page, vietnamTime } from './html';
import { PLANTS, REFUND_MODES, VnpayBankBooks, type BookedTransaction, type Plant, type RefundMode } from './vnpay-bank-books';
import type { PaymentSandbox } from './payment-sandbox';

export interface VnpaySandboxOptions {
  readonly tmnCode: string;
  readonly hashSecret: string;
  /** Our IPN endpoint, registered with the gateway. */
  readonly ipnUrl: () => string;
}

export type Outcome = 'success' | 'failure' | 'cancel';
const RESULT_CODES: Record<Outcome, { response: string; status: string }> = {
  success: { response: '00', status: '00' },
  failure: { response: '51', status: '02' },
  cancel: { response: '24', status: '02' },
};

type SandboxTransaction = BookedTransaction;

/** What the gateway draws for a transaction: the pay date and its own numbers. */
export interface GatewayDraw {
  readonly payDate: Date;
  readonly transactionNo: string;
  readonly bankTranNo: string;
}

/** The signed result the gateway sends to the IPN and the return URL for a chosen outcome. */
export function gatewayResult(original: VnpParams, outcome: Outcome, hashSecret: string, draw: GatewayDraw): VnpParams {
  const codes = RESULT_CODES[outcome];
  return signParams(
    {
      vnp_Amount: original.vnp_Amount!,
      vnp_BankCode: 'NCB',
      vnp_BankTranNo: draw.bankTranNo,
      vnp_CardType: 'ATM',
      vnp_OrderInfo: original.vnp_OrderInfo!,
      vnp_PayDate: vietnamTimestamp(draw.payDate),
      vnp_ResponseCode: codes.response,
      vnp_TmnCode: original.vnp_TmnCode!,
      vnp_TransactionNo: outcome === 'cancel' ? '0' : draw.transactionNo,
      vnp_TransactionStatus: codes.status,
      vnp_TxnRef: original.vnp_TxnRef!,
    },
    hashSecret,
  );
}

/** The order's creation and expiry (the gateway's yyyyMMddHHmmss, Viet Nam time) as a person reads them. */
function timesOf(params: VnpParams): string {
  const times = ([['Tạo lúc', 'created', params.vnp_CreateDate], ['Hết hạn lúc', 'expires', params.vnp_ExpireDate]] as const)
    .filter(([, , value]) => value !== undefined && /^\d{14}$/.test(value))
    .map(([label, id, value]) => `${label} <time id="${id}">${escapeHtml(vietnamTime(fromVietnamTimestamp(value!)))}</time>`);
  return times.length > 0 ? `<p>${times.join(' · ')} (giờ Việt Nam)</p>\n` : '';
}

/**
 * A local stand-in for the VNPay gateway speaking its wire protocol: it checks the merchant's
 * signed payment URL, lets a person choose the outcome, calls our IPN with correctly signed
 * parameters, and sends the browser to the return URL. querydr answers from what was chosen.
 */
export function vnpaySandboxRoutes(options: VnpaySandboxOptions): LocalRoute[] {
  const transactions = new Map<string, SandboxTransaction>();
  const books = new VnpayBankBooks(options, transactions);

  const pay: LocalRoute = {
    method: 'GET',
    path: '/sandbox/vnpay/pay',
    async handle(request, response) {
      const params = Object.fromEntries(new URL(request.url ?? '/', 'http://local').searchParams);
      if (!verifyParams(params, options.hashSecret) || params.vnp_TmnCode !== options.tmnCode) {
        return page(response, 400, 'Sai chữ ký', '<h1>Giao dịch không hợp lệ</h1><p>Sai chữ ký (checksum) hoặc mã website.</p>');
      }
      const hidden = Object.entries(params)
        .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
        .join('');
      page(response, 200, 'Cổng thanh toán (sandbox)', `<h1>Cổng thanh toán VNPay (sandbox)</h1><div class="box">
<p>Đơn hàng: <strong>${escapeHtml(params.vnp_TxnRef ?? '')}</strong></p><p>${escapeHtml(params.vnp_OrderInfo ?? '')}</p>
<p>Số tiền: <strong id="amount">${formatVnd(fromVnpAmount(params.vnp_Amount) ?? 0)} VND</strong></p>
${timesOf(params)}<form method="post" action="/sandbox/vnpay/pay">${hidden}
<button name="outcome" value="success" id="pay">Thanh toán</button>
<button name="outcome" value="failure" id="fail">Thất bại</button>
<button name="outcome" value="cancel" id="cancel">Hủy giao dịch</button></form></div>`);
    },
  };

  const decide: LocalRoute = {
    method: 'POST',
    path: '/sandbox/vnpay/pay',
    async handle(request, response, body) {
      // `deliverIpn=no` simulates a lost IPN: the money is taken but our server never hears of it.
      const { outcome, deliverIpn, ...original } = formFields(request, body);
      if (!verifyParams(original, options.hashSecret) || !(outcome! in RESULT_CODES)) {
        return page(response, 400, 'Sai chữ ký', '<h1>Giao dịch không hợp lệ</h1>');
      }
      const result = gatewayResult(original, outcome as Outcome, options.hashSecret, {
        payDate: new Date(),
        transactionNo: String(randomInt(10_000_000, 99_999_999)),
        bankTranNo: `VNP${randomInt(10_000_000, 99_999_999)}`,
      });
      transactions.set(original.vnp_TxnRef!, { params: result, createDate: original.vnp_CreateDate ?? '' });
      const query = new URLSearchParams(result).toString();
      // The gateway calls the IPN server-to-server before sending the browser back.
      if (deliverIpn !== 'no') await fetch(`${options.ipnUrl()}?${query}`).then((r) => r.text()).catch(() => undefined);
      response.writeHead(302, { location: `${original.vnp_ReturnUrl}?${query}` });
      response.end();
    },
  };

  const querydr: LocalRoute = {
    method: 'POST',
    path: '/sandbox/vnpay/merchant_webapi/api/transaction',
    async handle(_request, response, body) {
      const request = JSON.parse(body.toString('utf8') || '{}') as VnpParams;
      // One endpoint for both commands, as at VNPay: a refund is told apart by vnp_Command.
      if (request.vnp_Command === 'refund') {
        response.writeHead(200, { 'content-type': 'application/json' });
        return void response.end(JSON.stringify(books.answerRefund(request)));
      }
      const data = ['vnp_RequestId', 'vnp_Version', 'vnp_Command', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_TransactionDate', 'vnp_CreateDate', 'vnp_IpAddr', 'vnp_OrderInfo']
        .map((k) => request[k] ?? '')
        .join('|');
      const reply = (params: VnpParams) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(signQuerydrResponse(params, options.hashSecret)));
      };
      const base = { vnp_ResponseId: request.vnp_RequestId ?? '', vnp_Command: 'querydr', vnp_TmnCode: options.tmnCode, vnp_TxnRef: request.vnp_TxnRef ?? '' };
      if (hmacSha512(options.hashSecret, data) !== request.vnp_SecureHash) return reply({ ...base, vnp_ResponseCode: '97', vnp_Message: 'Invalid Checksum' });
      const known = transactions.get(request.vnp_TxnRef ?? '');
      if (!known) return reply({ ...base, vnp_ResponseCode: '91', vnp_Message: 'Transaction not found' });
      const p = known.params;
      const refund = books.refundForQuery(request.vnp_TxnRef ?? '');
      if (refund) {
        return reply({
          ...base, vnp_ResponseCode: '00', vnp_Message: 'Query success', vnp_BankCode: p.vnp_BankCode!, vnp_PayDate: p.vnp_PayDate!,
          vnp_TransactionNo: p.vnp_TransactionNo!, vnp_OrderInfo: p.vnp_OrderInfo!, vnp_PromotionCode: '', vnp_PromotionAmount: '', ...refund,
        });
      }
      reply({
        ...base, vnp_ResponseCode: '00', vnp_Message: 'Query success', vnp_Amount: p.vnp_Amount!, vnp_BankCode: p.vnp_BankCode!,
        vnp_PayDate: p.vnp_PayDate!, vnp_TransactionNo: p.vnp_TransactionNo!, vnp_TransactionType: '01',
        vnp_TransactionStatus: p.vnp_TransactionStatus!, vnp_OrderInfo: p.vnp_OrderInfo!, vnp_PromotionCode: '', vnp_PromotionAmount: '',
      });
    },
  };

  const refundMode: LocalRoute = {
    method: 'PUT',
    path: '/sandbox/vnpay/refund-mode',
    async handle(_request, response, body) {
      const { reply } = JSON.parse(body.toString('utf8') || '{}') as { reply?: string };
      if (!REFUND_MODES.includes(reply as RefundMode)) {
        response.writeHead(400, { 'content-type': 'application/json' });
        return void response.end(JSON.stringify({ message: 'reply must be one of 00, 94, 95', details: [{ path: 'reply', message: 'invalid' }] }));
      }
      books.mode = reply as RefundMode;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ reply: books.mode }));
    },
  };

  const settlement: LocalRoute = {
    method: 'GET',
    path: '/sandbox/vnpay/settlement/{file}',
    async handle(request, response, _body, params) {
      const day = /^(\d{4}-\d{2}-\d{2})\.csv$/.exec(params.file ?? '')?.[1];
      const plants = (new URL(request.url ?? '/', 'http://local').searchParams.get('plant') ?? '').split(',').filter((p) => p !== '');
      if (!day || plants.some((p) => !PLANTS.includes(p as Plant))) {
        response.writeHead(400, { 'content-type': 'application/json' });
        return void response.end(JSON.stringify({ message: 'GET /sandbox/vnpay/settlement/<yyyy-mm-dd>.csv?plant=missing,amount,extra' }));
      }
      response.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
      response.end(books.settlementFile(day, plants as Plant[]));
    },
  };

  return [pay, decide, querydr, refundMode, settlement];
}

/** The VNPay sandbox in the local payment-sandbox registry: its routes, and the settings that point at it. */
export const vnpaySandbox: PaymentSandbox = {
  settings: (baseUrl, sandbox) => ({
    VNPAY_TMN_CODE: sandbox.vnpayTmnCode,
    VNPAY_HASH_SECRET: sandbox.vnpayHashSecret,
    VNPAY_PAYMENT_URL: `${baseUrl}/sandbox/vnpay/pay`,
    VNPAY_API_URL: `${baseUrl}/sandbox/vnpay/merchant_webapi/api/transaction`,
    VNPAY_RETURN_URL: `${baseUrl}/v1/callbacks/vnpay/return`,
    // Where the daily reconciliation fetches day T's file: the sandbox bank's books.
    SETTLEMENT_FILE_URL_VNPAY: `${baseUrl}/sandbox/vnpay/settlement/{date}.csv`,
  }),
  routes: (baseUrl, sandbox) =>
    vnpaySandboxRoutes({ tmnCode: sandbox.vnpayTmnCode, hashSecret: sandbox.vnpayHashSecret, ipnUrl: () => `${baseUrl()}/v1/callbacks/vnpay/ipn` }),
};
