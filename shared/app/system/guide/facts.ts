import { Operations } from '../../operations';
import type { DossierStatus } from '../../../modules/dossiers/domain/status';
import { DossierStatuses } from '../../../modules/dossiers/domain/status';
import { PAYMENT_PROVIDERS, PAYMENT_STATUSES } from '../../../modules/payments/domain/payment';
import { MAX_BASKET_DOSSIERS } from '../../../modules/payments/domain/basket';
import { DEFAULT_RETRY_SCHEDULE_SECONDS } from '../../../modules/portal-webhooks/domain/retry-schedule';
import { DEFAULT_PORTAL_WEBHOOK_TIMEOUT_MS } from '../../../modules/portal-webhooks/settings';
import { portalStatusWebhook, SIGNATURE_EXAMPLE } from '../../../modules/portal-webhooks/api/webhook';
import { SIGNATURE_TOLERANCE_SECONDS } from '../../../platform/kernel/timestamped-hmac';
import { ERROR_SECTION_ANCHOR } from '../../../platform/api/openapi-description';

/**
 * What both languages of the guide state, computed once from the code it describes (operations,
 * vocabularies, schedules, the signature example), so the two texts cannot disagree on a fact and a
 * changed value changes the guide.
 */

/** Where Redoc puts an operation: `#tag/<first tag>/operation/<operationId>`. */
const anchorOf = (tag: string, operationId: string) => `#tag/${tag}/operation/${operationId}`;

/**
 * An operation as the guide names it, `METHOD path`, linked to its entry in the reference. An id the
 * API does not have is shown as is, unlinked (the guide test then misses the operation it replaced).
 */
export function op(operationId: string): string {
  const found = Operations.find((o) => o.operationId === operationId);
  if (!found) return `\`${operationId}\``;
  return `[\`${found.method} ${found.path}\`](${anchorOf(found.tags[0] ?? '', found.operationId)})`;
}

/** The signed status push, linked to its `webhooks` entry. */
export const webhookLink = (text: string) => `[${text}](${anchorOf(portalStatusWebhook.tags[0], portalStatusWebhook.operationId)})`;

export const errorTableLink = (text: string) => `[${text}](${ERROR_SECTION_ANCHOR})`;

export const providers = PAYMENT_PROVIDERS.map((p) => `\`${p}\``).join(', ');
/** How a payment can end (every status but `pending`). */
export const paymentOutcomes = PAYMENT_STATUSES.filter((s) => s !== 'pending').map((s) => `\`${s}\``).join(', ');
export const maxBasket = MAX_BASKET_DOSSIERS;
export const toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS;
export const webhookTimeoutSeconds = DEFAULT_PORTAL_WEBHOOK_TIMEOUT_MS / 1000;

type Units = { readonly s: string; readonly min: string; readonly h: string; readonly day: string; readonly days: string; readonly and: string };
const UNITS: Readonly<Record<'en' | 'vi', Units>> = {
  en: { s: 's', min: 'min', h: 'h', day: 'day', days: 'days', and: 'and' },
  vi: { s: 'giây', min: 'phút', h: 'giờ', day: 'ngày', days: 'ngày', and: 'và' },
};

/** The retry waits in words: "60 s, 5 min, 1 h, 1 day and 2 days" / "60 giây, 5 phút, 1 giờ, 1 ngày và 2 ngày". */
export function retrySchedule(language: 'en' | 'vi'): string {
  const u = UNITS[language];
  const words = DEFAULT_RETRY_SCHEDULE_SECONDS.map((s) =>
    s % 86_400 === 0 ? `${s / 86_400} ${s === 86_400 ? u.day : u.days}` : s % 3_600 === 0 ? `${s / 3_600} ${u.h}` : s % 60 === 0 && s >= 300 ? `${s / 60} ${u.min}` : `${s} ${u.s}`,
  );
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} ${u.and} ${words.at(-1)}` : (words[0] ?? '');
}

/** Dossier statuses in the portal's words (the demo page's), each with its National Public Service Portal code. */
const STATUS_WORDS: Readonly<Record<DossierStatus, { readonly vi: string; readonly en: string }>> = {
  RECEIVED: { vi: 'Đã tiếp nhận', en: 'received' },
  AWAITING_PAYMENT: { vi: 'Chờ thanh toán phí, lệ phí', en: 'fees to pay' },
  PROCESSING: { vi: 'Đang giải quyết', en: 'being processed' },
  SUPPLEMENT_REQUESTED: { vi: 'Cần bổ sung hồ sơ', en: 'documents to add' },
  RESULT_READY: { vi: 'Đã có kết quả', en: 'result ready' },
  RESULT_RETURNED: { vi: 'Đã trả kết quả', en: 'result returned' },
  REJECTED: { vi: 'Từ chối giải quyết', en: 'rejected' },
  WITHDRAWN: { vi: 'Đã rút hồ sơ', en: 'withdrawn' },
  STOPPED: { vi: 'Dừng giải quyết', en: 'stopped' },
};

/** The statuses as a Markdown table in one language. */
export function statusTable(language: 'en' | 'vi'): string {
  const head = language === 'vi' ? '| status | mã trên Cổng DVCQG | ý nghĩa | kết thúc |' : '| status | National Portal code | meaning | final |';
  const yes = language === 'vi' ? 'có' : 'yes';
  const rows = (Object.keys(DossierStatuses) as DossierStatus[]).map(
    (s) => `| \`${s}\` | ${DossierStatuses[s].nationalPortalCode} | ${STATUS_WORDS[s][language]} | ${DossierStatuses[s].terminal ? yes : ''} |`,
  );
  return [head, '|---|---|---|---|', ...rows].join('\n');
}

/**
 * A receiver's verification in plain Node.js (CommonJS, no library): the unit test runs this very
 * text against the signature example, so the guide's code is known to work.
 */
export const VERIFY_SNIPPET = `const { createHmac, timingSafeEqual } = require('node:crypto');

// header: X-Signature; rawBody: the body as received (Buffer or string), before JSON.parse;
// secrets: the one or two secrets you hold. True when some v1 matches some secret and t is fresh.
function verifyPush(header, rawBody, secrets, nowSeconds = Math.floor(Date.now() / 1000)) {
  const parts = String(header || '').split(',').map((part) => part.trim().split('='));
  const t = Number((parts.find(([key]) => key === 't') || [])[1]);
  const signatures = parts
    .filter(([key, value]) => key === 'v1' && /^[0-9a-f]{64}$/.test(value))
    .map(([, value]) => Buffer.from(value, 'hex'));
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > ${SIGNATURE_TOLERANCE_SECONDS}) return false;
  return secrets.some((secret) => {
    const expected = createHmac('sha256', secret).update(t + '.').update(rawBody).digest();
    return signatures.some((candidate) => timingSafeEqual(candidate, expected));
  });
}`;

export const signatureExample = SIGNATURE_EXAMPLE;

/** The local runtime's default address (`npm start`, PORT 3000). */
export const LOCAL = 'http://127.0.0.1:3000';
