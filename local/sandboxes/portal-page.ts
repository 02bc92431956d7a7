import type { DossierStatus } from '../../shared/modules/dossiers/domain/status';
import { TEMPLATES } from '../../shared/modules/notifications/domain/templates';
import type { NoticeStatus } from '../../shared/modules/notifications';
import type { PaymentProviderName, PaymentStatus } from '../../shared/modules/payments/domain/payment';
import type { LocalRoute } from '../api-gateway';
import { escapeHtml, page } from './html';
import { PaymentSandboxes } from './payment-sandboxes';
import { DEMO_SCRIPT, RETURN_SCRIPT } from './portal-script';
import { qrSvg } from './vietqr-sandbox';

/** The demo's own return page: the default `returnUrl` of the local runtime lands here. */
export const DEMO_RETURN_PATH = '/demo/return';

/** Dossier statuses as the portal shows them (a status added to the domain must be named here). */
const DOSSIER_STATUS_WORDS: Readonly<Record<DossierStatus, string>> = {
  RECEIVED: 'Đã tiếp nhận',
  AWAITING_PAYMENT: 'Chờ thanh toán phí, lệ phí',
  PROCESSING: 'Đang giải quyết',
  SUPPLEMENT_REQUESTED: 'Cần bổ sung hồ sơ',
  RESULT_READY: 'Đã có kết quả',
  RESULT_RETURNED: 'Đã trả kết quả',
  REJECTED: 'Từ chối giải quyết',
  WITHDRAWN: 'Đã rút hồ sơ',
  STOPPED: 'Dừng giải quyết',
};

/** A payment's status in words, and whether it reads as good news. */
const PAYMENT_STATUS_WORDS: Readonly<Record<PaymentStatus, { text: string; tone: 'ok' | 'error' | '' }>> = {
  succeeded: { text: 'Đã thanh toán', tone: 'ok' },
  pending: { text: 'Đang chờ xác nhận thanh toán', tone: '' },
  failed: { text: 'Thanh toán không thành công', tone: 'error' },
  cancelled: { text: 'Giao dịch đã bị hủy', tone: 'error' },
  expired: { text: 'Giao dịch đã hết hạn', tone: 'error' },
};

const NOTICE_STATUS_WORDS: Readonly<Record<NoticeStatus, string>> = {
  queued: 'đang chờ gửi', sending: 'đang gửi', accepted: 'nhà mạng đã nhận', sent: 'đã gửi', delivered: 'đã đến máy', failed: 'không gửi được', skipped: 'không gửi',
};

/** How the chooser names each provider; one without a label here is offered by its name. */
const PROVIDER_LABELS: Partial<Record<PaymentProviderName, string>> = {
  vnpay: 'Cổng thanh toán VNPay (thẻ ATM, ví, QR)',
  vietqr: 'Chuyển khoản ngân hàng bằng mã VietQR',
  national_platform: 'Nền tảng thanh toán của Cổng Dịch vụ công quốc gia',
};

/** What only the inputs a procedure reads are shown for; with no `inputs` in the catalogue, these. */
const DEFAULT_INPUTS = ['pages', 'copies', 'certificates', 'persons'];

const INPUT_FIELDS = `
<p data-input="pages"><label>Số trang <input id="pages" type="number" min="1" value="3"></label><small class="need"></small></p>
<p data-input="copies"><label>Số bản <input id="copies" type="number" min="1" value="1"></label><small class="need"></small></p>
<p data-input="certificates"><label>Số phiếu <input id="certificates" type="number" min="1" value="1"></label><small class="need"></small></p>
<p data-input="persons"><label>Số người <input id="persons" type="number" min="1" value="1"></label><small class="need"></small></p>
<p data-input="signatures"><label>Số chữ ký <input id="signatures" type="number" min="1" value="1"></label><small class="need"></small></p>
<p data-input="declaredValue"><label>Giá trị kê khai (VND) <input id="declaredValue" type="number" min="0"></label><small class="need"></small></p>
<p data-input="applicantType"><label>Người nộp <select id="applicantType"><option value="individual">Cá nhân</option><option value="organisation">Tổ chức</option></select></label><small class="need"></small></p>
<p data-input="assetType"><label>Loại tài sản <input id="assetType"></label><small class="need"></small></p>
<p data-input="onTime"><label><input id="onTime" type="checkbox" checked> Đăng ký đúng hạn</label><small class="need"></small></p>`;

/** The page's settings and words, as JSON in the page (`<` escaped, so no text can close the script). */
function configScript(): string {
  const config = {
    defaultProcedure: '2.000815',
    defaultInputs: DEFAULT_INPUTS,
    returnPath: DEMO_RETURN_PATH,
    dossierStatuses: DOSSIER_STATUS_WORDS,
    paymentStatuses: PAYMENT_STATUS_WORDS,
    noticeStatuses: NOTICE_STATUS_WORDS,
    noticeSubjects: Object.fromEntries(Object.values(TEMPLATES).map((t) => [t.kind, t.subject])),
  };
  return `<script id="demo-config" type="application/json">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>`;
}

function providerChoices(): string {
  return (Object.keys(PaymentSandboxes) as PaymentProviderName[])
    .map((name, i) => `<p><label><input type="radio" name="provider" value="${name}" id="provider-${name}"${i === 0 ? ' checked' : ''}> ${escapeHtml(PROVIDER_LABELS[name] ?? name)}</label></p>`)
    .join('');
}

const demoPage: LocalRoute = {
  method: 'GET',
  path: '/demo',
  async handle(_request, response) {
    page(response, 200, 'Cổng dịch vụ công (demo)', `<h1>Cổng dịch vụ công (demo)</h1>
<p>Đi thử trọn luồng của một cổng dịch vụ công: tra cứu lệ phí → nộp hồ sơ → thanh toán → trang kết quả → trạng thái hồ sơ và thông báo.</p>
<section class="box"><h2>1. Tra cứu lệ phí</h2><form id="quote-form">
<p><label>Thủ tục <select id="procedure"></select></label></p>${INPUT_FIELDS}
<button id="quote">Tính lệ phí</button></form><p id="quote-error" class="error" hidden></p>
<div id="quote-result" hidden><table><tbody id="quote-items"></tbody></table><p>Tổng cộng: <strong id="quote-total"></strong></p></div></section>
<section class="box" id="register-step" hidden><h2>2. Nộp hồ sơ</h2><form id="register-form">
<p><label>Họ và tên <input id="fullName" value="Nguyễn Văn An" required></label></p>
<p><label>Số định danh cá nhân <input id="citizenId" value="001099012345" pattern="\\d{12}" required></label></p>
<p><label>Điện thoại <input id="phone" value="0912345678" required></label></p>
<button id="register">Nộp hồ sơ</button></form><p id="register-error" class="error" hidden></p>
<div id="register-result" hidden><p>Mã hồ sơ: <strong id="dossierNo"></strong> · <span id="dossier-status"></span></p>
<p>Số tiền phải nộp: <strong id="amountDue"></strong></p></div></section>
<section class="box" id="pay-step" hidden><h2>3. Thanh toán</h2><form id="pay-form">${providerChoices()}
<button id="pay">Thanh toán</button></form><p id="pay-error" class="error" hidden></p>
<div id="qr-step" hidden><p>Quét mã bằng ứng dụng ngân hàng:</p><p><img id="qr-image" alt="Mã VietQR" width="240" height="240"></p>
<p>Tài khoản: <strong id="qr-account"></strong></p><p>Số tiền: <strong id="qr-amount"></strong> · Nội dung: <strong id="qr-memo"></strong></p>
<p>Hết hạn lúc <span id="qr-expires"></span> (giờ Việt Nam) · <a id="qr-bank" target="_blank">Mở ngân hàng sandbox</a></p>
<p>Trang này tự chuyển sang kết quả khi tiền về.</p></div></section>
${configScript()}<script>${DEMO_SCRIPT}</script>`);
  },
};

/** The project's own return page: what the browser lands on after paying. */
const returnPage = (path: string): LocalRoute => ({
  method: 'GET',
  path,
  async handle(request, response) {
    const params = new URL(request.url ?? '/', 'http://local').searchParams;
    const status = params.get('status') ?? '';
    // The gateway's redirect carries the recorded status: shown at once, then confirmed from the API.
    const words = PAYMENT_STATUS_WORDS[status as PaymentStatus];
    page(response, 200, 'Kết quả thanh toán', `<h1>Kết quả thanh toán</h1><div class="box">
<p class="${words?.tone ?? ''}" id="outcome" style="font-size:1.3rem;font-weight:bold">${escapeHtml(words?.text ?? 'Đang kiểm tra kết quả thanh toán…')}</p>
<p><small>Mã thanh toán: <span id="paymentId">${escapeHtml(params.get('paymentId') ?? '')}</span> · trạng thái: <span id="status">${escapeHtml(status)}</span></small></p></div>
<p id="return-error" class="error" hidden></p>
<p id="no-session" hidden>Trang này đọc kết quả bằng phiên của <a href="/demo">trang demo</a>; mở từ nơi khác chỉ thấy trạng thái mà cổng thanh toán gửi kèm.</p>
<section class="box" id="dossier" hidden><h2>Hồ sơ <span id="dossierNo"></span></h2><p>Trạng thái: <strong id="dossier-status"></strong></p>
<p>Còn phải nộp: <span id="amountDue"></span></p><h3>Quá trình (giờ Việt Nam)</h3><ul id="timeline"></ul></section>
<section class="box" id="notifications" hidden><h2>Thông báo gửi công dân</h2><ul id="notices"></ul>
<p><a id="phone-link" hidden>Xem điện thoại sandbox của công dân</a></p></section>
<p><a href="/demo">Nộp hồ sơ khác</a></p>
${configScript()}<script>${RETURN_SCRIPT}</script>`);
  },
});

/** The payment's VietQR as an SVG image, for the demo portal to show beside its transfer details. */
const qrImage: LocalRoute = {
  method: 'GET',
  path: '/demo/qr.svg',
  async handle(request, response) {
    const payload = new URL(request.url ?? '/', 'http://local').searchParams.get('payload') ?? '';
    if (payload === '' || payload.length > 512) {
      response.writeHead(400, { 'content-type': 'application/json' });
      return void response.end(JSON.stringify({ message: 'payload must be 1–512 characters' }));
    }
    response.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' });
    response.end(await qrSvg(payload));
  },
};

/**
 * The walkable demo: a small portal page and the project's return page. The older sandbox path of the
 * return page stays, as portals and tests already point their returnUrl at it.
 */
export const portalDemoRoutes: readonly LocalRoute[] = [demoPage, returnPage(DEMO_RETURN_PATH), returnPage('/sandbox/portal/payment-result'), qrImage];
