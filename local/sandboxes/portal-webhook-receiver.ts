/**
 * A sandbox portal that receives our status pushes (shared/modules/portal-webhooks) the way an
 * integrator's endpoint should: it verifies `X-Signature` over the raw bytes with the secrets it
 * holds (401 when none matches, or when `t` is more than 300 s away), deduplicates by
 * `X-Webhook-Id`, and answers 200. Tests and people can make it fail the next N pushes (of one
 * dossier, or of any) and change the secrets it holds, to watch retries and a rotation.
 *
 *   POST /sandbox/portal-webhooks                 the receiving end (the local PORTAL_WEBHOOK_URL)
 *   GET  /sandbox/portal-webhooks                 a page of what arrived, Viet Nam time
 *   GET  /sandbox/portal-webhooks/received?dossierNo=…   the same as JSON, oldest first
 *   PUT  /sandbox/portal-webhooks/failures        {"times": 2, "status": 503, "dossierNo"?: "…"}
 *   PUT  /sandbox/portal-webhooks/secrets         {"secrets": ["…"]}: what the portal holds
 */
import * as z from '../../shared/platform/api/zod';
import type { LocalRoute } from '../api-gateway';
import { verifySignature } from '../../shared/platform/kernel/timestamped-hmac';
import { escapeHtml, page } from './html';

export const PORTAL_WEBHOOK_PREFIX = '/sandbox/portal-webhooks';
export const SANDBOX_PORTAL_WEBHOOK_SECRET = 'sandbox-portal-webhook-secret';

/** The local runtime's signing secrets: the operator's PORTAL_WEBHOOK_SECRETS, else the sandbox one. */
export function portalWebhookSecrets(operator: Readonly<Record<string, string | undefined>>): string[] {
  const given = (operator.PORTAL_WEBHOOK_SECRETS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return given.length > 0 ? given : [SANDBOX_PORTAL_WEBHOOK_SECRET];
}

export interface ReceivedPush {
  readonly webhookId: string;
  readonly attempt: string;
  readonly receivedAt: string;
  /** The HTTP status the sandbox answered. */
  readonly answered: number;
  readonly verified: boolean;
  /** Why the signature was refused (missing, malformed, stale, mismatch). */
  readonly refusal?: string;
  readonly duplicate: boolean;
  readonly dossierNo?: string;
  readonly event?: Record<string, unknown>;
  /** How many v1 signatures the header carried (two while a secret rotates). */
  readonly signatures: number;
}

const FailuresSchema = z.strictObject({ times: z.int().check(z.gte(0), z.lte(100)), status: z._default(z.int().check(z.gte(300), z.lte(599)), 503), dossierNo: z.optional(z.string().check(z.minLength(1))) });
const SecretsSchema = z.strictObject({ secrets: z.array(z.string().check(z.minLength(1))).check(z.minLength(1), z.maxLength(5)) });

/** What one sandbox portal holds; one per local runtime. */
export class PortalWebhookReceiver {
  readonly received: ReceivedPush[] = [];
  private readonly accepted = new Set<string>();
  /** Pending failures by dossier number ('' = any dossier). */
  private readonly failures = new Map<string, { remaining: number; status: number }>();

  constructor(public secrets: readonly string[]) {}

  failNext(times: number, status: number, dossierNo = ''): void {
    if (times === 0) this.failures.delete(dossierNo);
    else this.failures.set(dossierNo, { remaining: times, status });
  }

  receive(headers: Readonly<Record<string, string | string[] | undefined>>, rawBody: string, now = new Date()): { status: number; body: unknown } {
    const header = typeof headers['x-signature'] === 'string' ? headers['x-signature'] : undefined;
    const webhookId = typeof headers['x-webhook-id'] === 'string' ? headers['x-webhook-id'] : '';
    const attempt = typeof headers['x-webhook-attempt'] === 'string' ? headers['x-webhook-attempt'] : '';
    const signatures = (header ?? '').split(',').filter((p) => p.trim().startsWith('v1=')).length;
    const check = verifySignature(header, rawBody, this.secrets, now);
    const base = { webhookId, attempt, receivedAt: now.toISOString(), signatures };
    if (!check.valid) {
      this.received.push({ ...base, answered: 401, verified: false, refusal: check.reason, duplicate: false });
      return { status: 401, body: { error: 'invalid signature', reason: check.reason } };
    }
    let event: Record<string, unknown> | undefined;
    try {
      event = JSON.parse(rawBody) as Record<string, unknown>;
    } catch {
      event = undefined;
    }
    const dossierNo = typeof event?.dossierNo === 'string' ? event.dossierNo : undefined;
    const failure = (dossierNo ? this.failures.get(dossierNo) : undefined) ?? this.failures.get('');
    if (failure && failure.remaining > 0) {
      failure.remaining -= 1;
      this.received.push({ ...base, answered: failure.status, verified: true, duplicate: false, ...(dossierNo ? { dossierNo } : {}), ...(event ? { event } : {}) });
      return { status: failure.status, body: { error: 'sandbox told to fail' } };
    }
    const duplicate = this.accepted.has(webhookId);
    this.accepted.add(webhookId);
    this.received.push({ ...base, answered: 200, verified: true, duplicate, ...(dossierNo ? { dossierNo } : {}), ...(event ? { event } : {}) });
    return { status: 200, body: { received: true, duplicate } };
  }
}

function json(response: Parameters<LocalRoute['handle']>[1], status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8') || '{}');
  } catch {
    return undefined;
  }
}

/** `17:31:05 30/11/2026`: Viet Nam time, as the people testing read it. */
function vietnamClock(iso: string): string {
  return new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });
}

function listPage(pushes: readonly ReceivedPush[]): string {
  const rows = [...pushes]
    .reverse()
    .map((p) => {
      const event = p.event ?? {};
      const payment = (event.payment ?? undefined) as { status?: string; amount?: number } | undefined;
      const what = `${String(event.previousStatus ?? '–')} → ${String(event.status ?? '?')}${payment ? `; thanh toán: ${payment.status}${payment.amount !== undefined ? ` (${payment.amount.toLocaleString('vi-VN')} đ)` : ''}` : ''}`;
      const verdict = p.verified ? `<span class="ok">chữ ký hợp lệ (${p.signatures} v1)</span>` : `<span class="error">chữ ký bị từ chối: ${escapeHtml(p.refusal ?? '')}</span>`;
      return `<tr><td>${escapeHtml(vietnamClock(p.receivedAt))}</td><td>${escapeHtml(p.dossierNo ?? '')}<br><small>#${escapeHtml(String(event.sequence ?? ''))} · lần ${escapeHtml(p.attempt)}</small></td><td>${escapeHtml(what)}</td><td>${verdict}<br>trả lời ${p.answered}${p.duplicate ? ' (trùng, bỏ qua)' : ''}</td></tr>`;
    })
    .join('');
  return `<h1>Cổng dịch vụ công: thông báo trạng thái đã nhận</h1>
<p>Mỗi thay đổi trạng thái hồ sơ và kết quả thanh toán được đẩy tới đây, có chữ ký <code>X-Signature</code>. Giờ Việt Nam, mới nhất trước.</p>
<table style="width:100%;border-collapse:collapse" border="1" cellpadding="4"><thead><tr><th>Lúc nhận</th><th>Hồ sơ</th><th>Thay đổi</th><th>Kết quả</th></tr></thead>
<tbody>${rows || '<tr><td colspan="4">Chưa nhận thông báo nào.</td></tr>'}</tbody></table>`;
}

/** The routes of one sandbox portal receiver. */
export function portalWebhookRoutes(receiver: PortalWebhookReceiver): LocalRoute[] {
  return [
    {
      method: 'POST',
      path: PORTAL_WEBHOOK_PREFIX,
      async handle(request, response, body) {
        const answer = receiver.receive(request.headers, body.toString('utf8'));
        json(response, answer.status, answer.body);
      },
    },
    {
      method: 'GET',
      path: PORTAL_WEBHOOK_PREFIX,
      async handle(_request, response) {
        page(response, 200, 'Thông báo trạng thái đã nhận', listPage(receiver.received));
      },
    },
    {
      method: 'GET',
      path: `${PORTAL_WEBHOOK_PREFIX}/received`,
      async handle(request, response) {
        const dossierNo = new URL(request.url ?? '/', 'http://local').searchParams.get('dossierNo');
        json(response, 200, { items: receiver.received.filter((p) => !dossierNo || p.dossierNo === dossierNo) });
      },
    },
    {
      method: 'PUT',
      path: `${PORTAL_WEBHOOK_PREFIX}/failures`,
      async handle(_request, response, body) {
        const parsed = FailuresSchema.safeParse(parseJson(body));
        if (!parsed.success) return json(response, 400, { error: 'expected {"times": n, "status"?: 5xx, "dossierNo"?: "…"}' });
        receiver.failNext(parsed.data.times, parsed.data.status, parsed.data.dossierNo);
        json(response, 200, parsed.data);
      },
    },
    {
      method: 'PUT',
      path: `${PORTAL_WEBHOOK_PREFIX}/secrets`,
      async handle(_request, response, body) {
        const parsed = SecretsSchema.safeParse(parseJson(body));
        if (!parsed.success) return json(response, 400, { error: 'expected {"secrets": ["…"]}' });
        receiver.secrets = parsed.data.secrets;
        json(response, 200, { secrets: parsed.data.secrets.length });
      },
    },
  ];
}
