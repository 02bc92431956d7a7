import type { LocalRoute } from '../api-gateway';
import { escapeHtml, page } from './html';

/** Stands in for the portal's "payment result" page, where the gateway's return sends the browser. */
export const portalReturnRoute: LocalRoute = {
  method: 'GET',
  path: '/sandbox/portal/payment-result',
  async handle(request, response) {
    const params = new URL(request.url ?? '/', 'http://local').searchParams;
    page(response, 200, 'Kết quả thanh toán', `<h1>Kết quả thanh toán</h1><div class="box">
<p>Mã thanh toán: <strong id="paymentId">${escapeHtml(params.get('paymentId') ?? '')}</strong></p>
<p>Trạng thái: <strong id="status">${escapeHtml(params.get('status') ?? '')}</strong></p></div>`);
  },
};
