import type { IncomingMessage, ServerResponse } from 'node:http';
import { deliveryStatusFromCarrier } from '../../shared/modules/deliveries/domain/carrier-status';
import { FAILURE_REASONS, FailureReasonLabels, isFailureReason } from '../../shared/modules/deliveries/domain/failure-reason';
import { VNPOST_CODES } from '../../shared/modules/deliveries/carriers/vnpost/status-codes';
import { isDirectDeliveryStep, type DeliveryStatus } from '../../shared/modules/deliveries/domain/status';
import { signatureHeader } from '../../shared/platform/kernel/timestamped-hmac';
import type { LocalRoute } from '../api-gateway';
import { escapeHtml, formFields, page, vietnamTime } from './html';
import {
  PostOfficeStore,
  postOfficeApiRoutes,
  sendJson,
  type CarrierStatus,
  type EventInput,
  type PostOfficeEvent,
  type PostOfficeOrder,
} from './post-office-api';

export { POSTAL_API_PREFIX, SANDBOX_STATUS_CODES, TOKEN_LIFETIME_SECONDS } from './post-office-api';
export type { CarrierStatus, PostOfficeEvent, PostOfficeOrder } from './post-office-api';

export interface PostOfficeSandboxOptions {
  /** Signs the webhooks: one of the secrets our postal callback accepts. */
  readonly secret: string;
  /** Our postal callback, `${baseUrl}/v1/callbacks/postal`; read at each post. */
  readonly webhookUrl: () => string;
  /** Credentials the token call accepts; default `toantrinh` / `sandbox`. */
  readonly username?: string;
  readonly password?: string;
  /** When above 0, every open order takes one happy-path step this often. */
  readonly autoAdvanceMs?: number;
}

/** What tests read and switch. */
export interface PostOfficeState {
  orders(): readonly PostOfficeOrder[];
  /** POST /orders calls received, duplicates and those answered 503 or 401 included. */
  readonly createCalls: number;
  /** While on, every carrier API call (token call included) answers 503. */
  setOutage(on: boolean): void;
}

export interface PostOfficeSandbox {
  readonly routes: LocalRoute[];
  readonly state: PostOfficeState;
  stop(): void;
}

/** The webhook body, as api.md describes `POST /v1/callbacks/postal`. */
export interface PostalWebhookBody {
  readonly eventId: string;
  readonly trackingNumber: string;
  readonly status: string | number;
  readonly occurredAt: string;
  readonly location?: string;
  readonly reason?: string;
}

export interface StepResult {
  readonly event: PostalWebhookBody;
  /** Our API's HTTP status; 0 when it could not be reached; null when the webhook was withheld. */
  readonly webhookStatus: number | null;
  readonly webhookResponse: string | null;
}

const TITLE = 'Bưu điện (sandbox)';
const STATUS_LABELS: Readonly<Record<DeliveryStatus, string>> = {
  REQUESTED: 'Chưa tạo đơn',
  ORDER_CREATED: 'Đã tạo đơn',
  PICKED_UP: 'Đã lấy hàng',
  IN_TRANSIT: 'Đang vận chuyển',
  OUT_FOR_DELIVERY: 'Đang phát',
  DELIVERED: 'Phát thành công',
  ATTEMPT_FAILED: 'Phát không thành công',
  AVAILABLE_AT_POST_OFFICE: 'Chờ nhận tại bưu cục',
  RETURNED_TO_AGENCY: 'Đã chuyển hoàn về cơ quan',
  CANCELLED: 'Đã hủy',
  LOST: 'Thất lạc',
};
/** The page's buttons, in lifecycle order. */
const PAGE_STEPS: readonly CarrierStatus[] = [
  'PICKED_UP',
  'IN_TRANSIT',
  'OUT_FOR_DELIVERY',
  'DELIVERED',
  'ATTEMPT_FAILED',
  'AVAILABLE_AT_POST_OFFICE',
  'RETURNED_TO_AGENCY',
];
/** One step along the happy path; none from a terminal status. */
const HAPPY_NEXT: Partial<Record<DeliveryStatus, CarrierStatus>> = {
  ORDER_CREATED: 'PICKED_UP',
  PICKED_UP: 'IN_TRANSIT',
  IN_TRANSIT: 'OUT_FOR_DELIVERY',
  OUT_FOR_DELIVERY: 'DELIVERED',
  ATTEMPT_FAILED: 'OUT_FOR_DELIVERY',
  AVAILABLE_AT_POST_OFFICE: 'DELIVERED',
};
/** Statuses that carry a failure reason; a reason sent with any other is dropped (the form always sends one). */
const REASONED = new Set<DeliveryStatus>(['ATTEMPT_FAILED', 'RETURNED_TO_AGENCY']);
const WEBHOOK_TIMEOUT_MS = 10_000;

/** How the post office signs a webhook: `t=<unix>,v1=<HMAC-SHA256 of "t.rawBody">` (a test checks a fixed vector). */
export function signPostalWebhook(secret: string, unixSeconds: number, rawBody: string): string {
  return signatureHeader(secret, unixSeconds, rawBody);
}

const isJson = (request: IncomingMessage) => (request.headers['content-type'] ?? '').includes('application/json');
const flag = (value: string | undefined) => value === 'true' || value === 'on' || value === '1' || value === 'yes';

/**
 * A local stand-in for the postal carrier: the VNPost-style order API our client calls, plus a page
 * and JSON endpoints that move a parcel along and post each step, signed, to our postal callback.
 */
export function postOfficeSandbox(options: PostOfficeSandboxOptions): PostOfficeSandbox {
  const store = new PostOfficeStore();
  const credentials = { username: options.username ?? 'toantrinh', password: options.password ?? 'sandbox' };

  async function postWebhook(event: PostalWebhookBody): Promise<Pick<StepResult, 'webhookStatus' | 'webhookResponse'>> {
    const body = JSON.stringify(event);
    try {
      const response = await fetch(options.webhookUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-signature': signPostalWebhook(options.secret, Math.floor(Date.now() / 1000), body) },
        body,
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      return { webhookStatus: response.status, webhookResponse: await response.text() };
    } catch (error) {
      return { webhookStatus: 0, webhookResponse: `unreachable: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  /** Records the event on the order, then posts it (unless withheld, to play a lost webhook). */
  async function step(trackingNumber: string, input: EventInput, useCode = false, deliver = true): Promise<StepResult> {
    const recorded: PostOfficeEvent = store.record(trackingNumber, input);
    const event: PostalWebhookBody = {
      eventId: recorded.eventId,
      trackingNumber,
      status: useCode ? recorded.code : recorded.status,
      occurredAt: recorded.occurredAt,
      ...(recorded.location ? { location: recorded.location } : {}),
      ...(recorded.reason ? { reason: recorded.reason } : {}),
    };
    if (!deliver) return { event, webhookStatus: null, webhookResponse: null };
    return { event, ...(await postWebhook(event)) };
  }

  async function happyPath(trackingNumber: string, steps = Infinity): Promise<StepResult[]> {
    const results: StepResult[] = [];
    for (let next = nextOf(trackingNumber); next && results.length < steps; next = nextOf(trackingNumber)) {
      results.push(await step(trackingNumber, { status: next }));
    }
    return results;
  }
  const nextOf = (trackingNumber: string) => HAPPY_NEXT[store.find(trackingNumber)?.status ?? 'DELIVERED'];

  function render(response: ServerResponse, status: number, message = ''): void {
    page(response, status, TITLE, renderOrders(store.orders(), message));
  }

  /** JSON for JSON requests, else the page with the message. */
  function answer(request: IncomingMessage, response: ServerResponse, status: number, json: unknown, message: string): void {
    if (isJson(request)) return sendJson(response, status, json);
    render(response, status, `<p id="result"${status >= 400 ? ' class="error"' : ''}>${escapeHtml(message)}</p>`);
  }

  const advance: LocalRoute = {
    method: 'POST',
    path: '/sandbox/postal/orders/{trackingNumber}/advance',
    async handle(request, response, body, params) {
      const order = store.find(params.trackingNumber ?? '');
      if (!order) return answer(request, response, 404, { message: `Unknown tracking number ${params.trackingNumber}` }, 'Không có bưu gửi này');
      let fields: Record<string, string>;
      try {
        fields = formFields(request, body);
      } catch {
        return answer(request, response, 400, { message: 'Invalid JSON' }, 'Invalid JSON');
      }
      const status = deliveryStatusFromCarrier(fields.status ?? '', VNPOST_CODES);
      if (!status || status === 'REQUESTED') {
        const message = `Unknown status ${fields.status ?? '(none)'}: one of our names or a carrier code`;
        return answer(request, response, 400, { message }, message);
      }
      const reason = REASONED.has(status) && fields.reason ? fields.reason : undefined;
      if (reason !== undefined && !isFailureReason(reason)) {
        const message = `Unknown reason ${fields.reason}: one of ${FAILURE_REASONS.join(', ')}`;
        return answer(request, response, 400, { message }, message);
      }
      const location = fields.location?.trim();
      const input: EventInput = { status, ...(location ? { location } : {}), ...(reason ? { reason } : {}) };
      const deliver = !['false', 'no', '0'].includes(fields.deliverWebhook ?? '');
      const result = await step(order.trackingNumber, input, flag(fields.useCode), deliver);
      const summary = store.find(order.trackingNumber)!.status;
      answer(request, response, 200, { ...result, status: summary }, `${order.trackingNumber} → ${status}: ${describe(result)}`);
    },
  };

  const advanceAll: LocalRoute = {
    method: 'POST',
    path: '/sandbox/postal/orders/{trackingNumber}/advance-all',
    async handle(request, response, _body, params) {
      const order = store.find(params.trackingNumber ?? '');
      if (!order) return answer(request, response, 404, { message: `Unknown tracking number ${params.trackingNumber}` }, 'Không có bưu gửi này');
      const steps = await happyPath(order.trackingNumber);
      const text = steps.map((s) => `${String(s.event.status)}: ${describe(s)}`).join(' · ') || `nothing to do: ${order.status}`;
      answer(request, response, 200, { steps, status: store.find(order.trackingNumber)!.status }, `${order.trackingNumber} → ${text}`);
    },
  };

  const list: LocalRoute = { method: 'GET', path: '/sandbox/postal', handle: async (_request, response) => render(response, 200) };

  let ticking = false;
  const autoAdvanceMs = options.autoAdvanceMs ?? 0;
  const timer =
    autoAdvanceMs > 0
      ? setInterval(() => {
          if (ticking) return;
          ticking = true;
          void (async () => {
            for (const order of store.orders()) await happyPath(order.trackingNumber, 1);
          })()
            .catch(() => undefined)
            .finally(() => (ticking = false));
        }, autoAdvanceMs)
      : undefined;
  timer?.unref();

  const state: PostOfficeState = {
    orders: () => store.orders(),
    get createCalls() {
      return store.createCalls;
    },
    setOutage: (on) => {
      store.outage = on;
    },
  };

  // For tests and demos: what the carrier received, and a switch that takes its API down.
  const control: LocalRoute[] = [
    {
      method: 'GET',
      path: '/sandbox/postal/state',
      async handle(_request, response) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ createCalls: state.createCalls, orders: state.orders() }));
      },
    },
    {
      method: 'POST',
      path: '/sandbox/postal/outage',
      async handle(request, response, body) {
        state.setOutage(formFields(request, body).on === 'true');
        response.writeHead(204).end();
      },
    },
  ];

  return {
    routes: [...postOfficeApiRoutes(store, credentials), list, advance, advanceAll, ...control],
    state,
    stop: () => clearInterval(timer),
  };
}

const WEBHOOK_RESULT_WORDS: Readonly<Record<string, string>> = {
  applied: 'hệ thống đã cập nhật', recorded: 'hệ thống đã ghi vào hành trình', duplicate: 'hệ thống đã có sự kiện này',
  unknown_tracking: 'hệ thống không biết bưu gửi này', invalid: 'hệ thống từ chối sự kiện',
};

/** What became of the step's webhook, in words (the JSON stays on the JSON endpoints). */
function describe(result: StepResult): string {
  if (result.webhookStatus === null) return 'không gửi webhook (giả lập mất thông báo)';
  if (result.webhookStatus === 0) return `không gửi được webhook (${result.webhookResponse ?? ''})`;
  let answer: { results?: { result?: string }[] } = {};
  try { answer = JSON.parse(result.webhookResponse ?? '') as typeof answer; } catch { /* described by its status */ }
  const words = answer.results?.map((r) => WEBHOOK_RESULT_WORDS[r.result ?? ''] ?? r.result).join(', ');
  return result.webhookStatus < 300 && words ? `${words} (HTTP ${result.webhookStatus})` : `hệ thống trả lời HTTP ${result.webhookStatus}`;
}

function renderOrders(orders: readonly PostOfficeOrder[], message: string): string {
  const reasons = FAILURE_REASONS
    .map((r) => `<option value="${r}">${escapeHtml(FailureReasonLabels[r].vi)}</option>`)
    .join('');
  const cards = [...orders].reverse().map((order) => {
    const tn = escapeHtml(order.trackingNumber);
    const buttons = PAGE_STEPS.map((s) => {
      // Every step stays available (late and out-of-order webhooks are worth testing); the lifecycle's next steps stand out.
      const next = isDirectDeliveryStep(order.status, s) ? '' : ' class="off"';
      return `<button name="status" value="${s}" id="advance-${tn}-${s}"${next}>${escapeHtml(STATUS_LABELS[s])}</button>`;
    }).join('');
    const events = order.events
      .map((e) => `<li>${escapeHtml(vietnamTime(e.occurredAt))} — ${e.code} ${escapeHtml(STATUS_LABELS[e.status])}${e.reason ? ` (${e.reason})` : ''}${e.location ? ` @ ${escapeHtml(e.location)}` : ''}</li>`)
      .join('');
    return `<div class="box order" data-tracking="${tn}"><h2>${tn}</h2>
<p>Người nhận: <strong class="recipient">${escapeHtml(order.recipientName)}</strong> · Mã đơn: ${escapeHtml(order.orderNumber)}</p>
<p>Trạng thái: <strong class="status" data-status="${order.status}">${escapeHtml(STATUS_LABELS[order.status])}</strong> (${order.status})</p>
<form method="post" action="/sandbox/postal/orders/${encodeURIComponent(order.trackingNumber)}/advance">
<p><label>Lý do (phát không thành công, chuyển hoàn) <select name="reason">${reasons}</select></label></p>
<p><label>Địa điểm <input name="location" placeholder="Bưu cục (tùy chọn)"></label>
<label><input type="checkbox" name="useCode" value="true"> gửi mã số của bưu điện</label></p>
<p>${buttons}</p></form>
<form method="post" action="/sandbox/postal/orders/${encodeURIComponent(order.trackingNumber)}/advance-all">
<button id="advance-all-${tn}">Phát trọn hành trình (demo)</button></form>
<details><summary>Hành trình (${order.events.length} sự kiện, giờ Việt Nam)</summary><ul>${events}</ul></details></div>`;
  });
  const empty = '<p id="empty">Chưa có bưu gửi nào: hệ thống tạo đơn qua POST /sandbox/postal/api/orders.</p>';
  return `<style>button.off{opacity:.55}.error{color:#b00020}.order{margin:1rem 0}</style>
<h1>Bưu điện (sandbox): theo dõi bưu gửi</h1>${message}${cards.length > 0 ? cards.join('\n') : empty}`;
}
