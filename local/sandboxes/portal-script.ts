/**
 * The demo portal's browser scripts, as text: plain ES2020, no build step, no template literals (the
 * text itself is one). They call the public API exactly as a portal would, with tokens from the local
 * runtime's dev token route, and keep the demo's state (tokens, dossier, phone) in sessionStorage so
 * the return page, reached after the gateway, picks it up in the same tab.
 */

/** Shared by both pages: config, API calls, Viet Nam time, money. */
const COMMON = String.raw`
  const $ = (id) => document.getElementById(id);
  const config = JSON.parse($('demo-config').textContent);
  const STATE_KEY = 'toantrinh.demo';
  const loadState = () => JSON.parse(sessionStorage.getItem(STATE_KEY) || '{}');
  const saveState = (patch) => sessionStorage.setItem(STATE_KEY, JSON.stringify(Object.assign(loadState(), patch)));
  const vnd = (n) => Number(n).toLocaleString('vi-VN') + ' VND';
  const vnTime = (iso) => new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });
  const text = (el, value) => { el.textContent = value; return el; };
  const make = (tag, value) => text(document.createElement(tag), value);
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

  /** A JSON API call; a 4xx/5xx throws with the API's own message and the fields it names. */
  async function call(method, path, body, token, headers) {
    const init = { method: method, headers: Object.assign({ 'accept-language': 'vi' }, headers || {}) };
    if (token) init.headers.authorization = 'Bearer ' + token;
    if (body !== undefined) { init.headers['content-type'] = 'application/json'; init.body = JSON.stringify(body); }
    const response = await fetch(path, init);
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = json.error || {};
      const details = (error.details || []).map((d) => d.path + ': ' + d.message).join('; ');
      throw new Error((error.message || json.message || ('HTTP ' + response.status)) + (details ? ' (' + details + ')' : ''));
    }
    return json;
  }
  const devToken = (claims) => call('POST', '/v1/dev/tokens', claims).then((r) => r.token);
  function showError(el, error) { el.hidden = false; text(el, 'Lỗi: ' + (error && error.message ? error.message : String(error))); }
`;

/** /demo: quote → register → pay. */
export const DEMO_SCRIPT = String.raw`
(() => {
${COMMON}
  let procedures = [];
  const selected = () => procedures.find((p) => p.code === $('procedure').value);

  function showInputs() {
    const procedure = selected();
    const needs = procedure && Array.isArray(procedure.inputs) ? procedure.inputs : undefined;
    for (const field of document.querySelectorAll('[data-input]')) {
      const need = needs ? needs.find((n) => n.name === field.dataset.input) : undefined;
      field.hidden = needs ? !need : !config.defaultInputs.includes(field.dataset.input);
      const hint = field.querySelector('.need');
      if (hint) text(hint, need ? (need.required ? ' (bắt buộc) ' : ' ') + need.description.vi : '');
    }
  }

  function inputs() {
    const result = {};
    for (const field of document.querySelectorAll('[data-input]')) {
      if (field.hidden) continue;
      const input = field.querySelector('input,select');
      const name = field.dataset.input;
      if (input.type === 'checkbox') result[name] = input.checked;
      else if (input.value.trim() === '') continue;
      else result[name] = input.type === 'number' ? Number(input.value) : input.value.trim();
    }
    return result;
  }

  async function loadProcedures() {
    const page = await call('GET', '/v1/procedures?limit=100');
    procedures = page.items.filter((p) => p.onlineAllowed !== false);
    const select = $('procedure');
    for (const p of procedures) {
      const option = make('option', p.code + ' · ' + (p.name.vi || p.name));
      option.value = p.code;
      option.selected = p.code === config.defaultProcedure;
      select.append(option);
    }
    showInputs();
  }

  async function quote(event) {
    event.preventDefault();
    $('quote-error').hidden = true;
    try {
      const q = await call('POST', '/v1/fees/quote', { procedureCode: $('procedure').value, channel: 'online', inputs: inputs() });
      const body = $('quote-items');
      body.replaceChildren();
      for (const item of q.items.concat(q.reductions || [])) {
        const row = document.createElement('tr');
        row.append(make('td', item.label ? (item.label.vi || item.label) : item.code), make('td', vnd(item.amount)));
        body.append(row);
      }
      text($('quote-total'), vnd(q.total));
      $('quote-result').hidden = false;
      $('register-step').hidden = false;
    } catch (error) { showError($('quote-error'), error); }
  }

  async function register(event) {
    event.preventDefault();
    $('register-error').hidden = true;
    const procedure = selected();
    const dossierNo = 'DEMO.' + Date.now().toString(36).toUpperCase();
    const applicant = { citizenId: $('citizenId').value.trim(), fullName: $('fullName').value.trim(), phone: $('phone').value.trim() };
    try {
      // The portal (or one-stop office) registers with its agency's token; the citizen pays with theirs.
      const agencyToken = await devToken({ role: 'agency', agency: procedure.agencyCode });
      const dossier = await call('PUT', '/v1/dossiers/' + encodeURIComponent(dossierNo), {
        procedureCode: procedure.code, agencyCode: procedure.agencyCode, channel: 'online', submittedAt: new Date().toISOString(), applicant: applicant, inputs: inputs(),
      }, agencyToken);
      const citizenToken = await devToken({ role: 'citizen', sub: applicant.citizenId });
      saveState({ dossierNo: dossierNo, citizenToken: citizenToken, phone: applicant.phone });
      text($('dossierNo'), dossierNo);
      text($('dossier-status'), config.dossierStatuses[dossier.status] || dossier.status);
      text($('amountDue'), vnd(dossier.amountDue));
      $('register-result').hidden = false;
      $('pay-step').hidden = dossier.amountDue === 0;
    } catch (error) { showError($('register-error'), error); }
  }

  async function waitForTransfer(paymentId, token) {
    for (;;) {
      await sleep(1500);
      const payment = await call('GET', '/v1/payments/' + encodeURIComponent(paymentId), undefined, token).catch(() => undefined);
      if (payment && payment.status !== 'pending') {
        location.href = config.returnPath + '?paymentId=' + encodeURIComponent(paymentId) + '&status=' + encodeURIComponent(payment.status);
        return;
      }
    }
  }

  async function pay(event) {
    event.preventDefault();
    $('pay-error').hidden = true;
    const state = loadState();
    const provider = document.querySelector('input[name=provider]:checked').value;
    try {
      const payment = await call('POST', '/v1/dossiers/' + encodeURIComponent(state.dossierNo) + '/payments',
        { provider: provider, returnUrl: location.origin + config.returnPath }, state.citizenToken, { 'idempotency-key': crypto.randomUUID() });
      saveState({ paymentId: payment.paymentId });
      if (payment.redirectUrl) { location.href = payment.redirectUrl; return; }
      if (payment.qr) {
        $('qr-image').src = '/demo/qr.svg?payload=' + encodeURIComponent(payment.qr.payload);
        text($('qr-account'), payment.qr.accountNo + ' · ' + payment.qr.accountName);
        text($('qr-amount'), vnd(payment.amount));
        text($('qr-memo'), payment.qr.memo);
        text($('qr-expires'), vnTime(payment.expiresAt));
        $('qr-bank').href = '/sandbox/vietqr?qr=' + encodeURIComponent(payment.qr.payload);
        $('qr-step').hidden = false;
        await waitForTransfer(payment.paymentId, state.citizenToken);
      }
    } catch (error) { showError($('pay-error'), error); }
  }

  $('procedure').addEventListener('change', showInputs);
  $('quote-form').addEventListener('submit', quote);
  $('register-form').addEventListener('submit', register);
  $('pay-form').addEventListener('submit', pay);
  loadProcedures().catch((error) => showError($('quote-error'), error));
})();
`;

/** /demo/return: the payment's outcome in words, then the dossier's status and its notifications. */
export const RETURN_SCRIPT = String.raw`
(() => {
${COMMON}
  const params = new URLSearchParams(location.search);
  const paymentId = params.get('paymentId');
  const state = loadState();

  function showPayment(status) {
    const words = config.paymentStatuses[status];
    text($('outcome'), words ? words.text : status);
    $('outcome').className = words ? words.tone : '';
    text($('status'), status);
  }

  /** Polls while the answer may still change: a pending payment, a dossier that has not moved yet. */
  async function poll(read, settled, tries) {
    let value;
    for (let i = 0; i < tries; i++) {
      value = await read();
      if (settled(value)) return value;
      await sleep(1000);
    }
    return value;
  }

  function showDossier(dossier) {
    text($('dossierNo'), dossier.dossierNo);
    text($('dossier-status'), config.dossierStatuses[dossier.status] || dossier.status);
    text($('amountDue'), vnd(dossier.amountDue));
    const timeline = $('timeline');
    timeline.replaceChildren();
    for (const step of dossier.timeline || []) {
      timeline.append(make('li', vnTime(step.at) + ' — ' + (config.dossierStatuses[step.to] || step.to)));
    }
    $('dossier').hidden = false;
  }

  function showNotices(list) {
    const notices = $('notices');
    notices.replaceChildren();
    for (const n of list.items || []) {
      notices.append(make('li', (config.noticeSubjects[n.kind] || n.kind) + ' — ' + (config.noticeStatuses[n.status] || n.status) + ' (' + n.channel + ')'));
    }
    if (notices.children.length === 0) notices.append(make('li', 'Chưa có thông báo.'));
    if (state.phone) { $('phone-link').href = '/sandbox/phone/' + encodeURIComponent(state.phone); $('phone-link').hidden = false; }
    $('notifications').hidden = false;
  }

  async function run() {
    if (!paymentId || !state.citizenToken) { $('no-session').hidden = false; return; }
    const token = state.citizenToken;
    const payment = await poll(() => call('GET', '/v1/payments/' + encodeURIComponent(paymentId), undefined, token), (p) => p.status !== 'pending', 30);
    showPayment(payment.status);
    const dossierNo = payment.dossierNo || state.dossierNo;
    // The payment reaches the dossier through its event queue: give it a moment to move.
    const dossier = await poll(() => call('GET', '/v1/dossiers/' + encodeURIComponent(dossierNo), undefined, token),
      (d) => payment.status !== 'succeeded' || d.status !== 'AWAITING_PAYMENT', 20);
    showDossier(dossier);
    const notices = await poll(() => call('GET', '/v1/dossiers/' + encodeURIComponent(dossierNo) + '/notifications', undefined, token), (l) => (l.items || []).length > 0, 5);
    showNotices(notices);
  }
  run().catch((error) => showError($('return-error'), error));
})();
`;
