import { createHmac, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalRoute } from '../api-gateway';
import { receivedMessageBody, webhookSignatureHeader, ZALO_REFRESH_PATH, ZNS_SEND_PATH } from '../../shared/modules/notifications/channels/zns/protocol';
import { ESMS_SEND_PATH } from '../../shared/modules/notifications/channels/sms/protocol';
import { TEMPLATES } from '../../shared/modules/notifications/domain/templates';
import { phonePage, phoneIndexPage, type InboxItem } from './notification-phone-page';

export type { InboxItem };

/**
 * Zalo ZNS, eSMS and Amazon SES as one sandbox "phone network": it accepts the adapters' real wire
 * calls (ZNS send with an access token, the OAuth refresh with single-use refresh tokens, eSMS's
 * SendMultipleMessage_V4 with RequestId dedup, SES v2 SendEmail), keeps what each phone or address
 * received, posts signed `user_received_message` webhooks, and can be told that a phone has no Zalo
 * account or that Zalo is down.
 */
export const ZALO_SANDBOX_PREFIX = '/sandbox/zalo';
export const ESMS_SANDBOX_PREFIX = '/sandbox/esms';
export const SES_SANDBOX_PREFIX = '/sandbox/ses';

export interface NotificationSandboxOptions {
  readonly appId: string;
  readonly appSecret: string;
  /** Signs the webhooks (our ZALO_OA_SECRET_KEY). */
  readonly oaSecretKey: string;
  readonly esmsApiKey: string;
  readonly esmsSecretKey: string;
  /** `${baseUrl}/v1/callbacks/zalo`, read at each post. */
  readonly webhookUrl: () => string;
  /** Delay before a delivery webhook is posted (a real phone takes a moment). */
  readonly receiptDelayMs?: number;
}

export interface NotificationSandbox {
  readonly routes: LocalRoute[];
  /** The refresh token an operator would seed (ZALO_REFRESH_TOKEN): valid once per sandbox process. */
  readonly seedRefreshToken: string;
  inbox(to?: string): readonly InboxItem[];
  stop(): void;
}

/** `0912…`, `84912…`, `+84912…` → `84912…`; an address stays as it is (lower case). */
function sandboxMac(appSecret: string, value: string): string {
  return createHmac('sha256', appSecret).update(value).digest('base64url');
}

/** A refresh token this sandbox honours (once); `seed` is the one an operator would put in SSM. */
export function sandboxRefreshToken(appSecret: string, nonce: string): string {
  return `sbxr.${nonce}.${sandboxMac(appSecret, `r.${nonce}`)}`;
}

export function canonicalRecipient(value: string): string {
  const v = decodeURIComponent(value).trim().replace(/\s/g, '');
  if (v.includes('@')) return v.toLowerCase();
  if (/^\+?84\d{8,10}$/.test(v)) return v.replace(/^\+/, '');
  if (/^0\d{9,10}$/.test(v)) return `84${v.slice(1)}`;
  return v;
}

const DOSSIER_IN_TEXT = /hồ sơ (\S+?)[.:,]?(?:\s|$)/;

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function jsonOf(body: Buffer): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8') || '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function renderZns(templateId: string, data: Record<string, string>): string {
  const template = Object.values(TEMPLATES).find((t) => t.znsTemplateId === templateId);
  if (!template) return Object.entries(data).map(([k, v]) => `${k}: ${v}`).join(' · ');
  return template.text.replace(/\{(\w+)\}/g, (_, name: string) => data[name] ?? `{${name}}`);
}

export function notificationSandbox(options: NotificationSandboxOptions): NotificationSandbox {
  const items: InboxItem[] = [];
  const noZalo = new Set<string>();
  const usedRefreshTokens = new Set<string>();
  const esmsRequests = new Map<string, string>();
  const sent = new Map<string, { phone: string; trackingId: string }>();
  const timers = new Set<NodeJS.Timeout>();
  let zaloDown = false;

  const mac = (value: string) => sandboxMac(options.appSecret, value);
  // Stateless tokens (a MAC over their content), so a runtime restarted on kept data still honours
  // the pair it stored; refresh tokens are single-use within this process.
  const accessToken = (expiresAt: number) => `sbxa.${expiresAt}.${mac(`a.${expiresAt}`)}`;
  const refreshToken = (nonce: string) => sandboxRefreshToken(options.appSecret, nonce);
  const validAccess = (token: string) => {
    const [kind, exp, sig] = token.split('.');
    return kind === 'sbxa' && sig === mac(`a.${exp}`) && Number(exp) > Date.now();
  };
  const validRefresh = (token: string) => {
    const [kind, nonce, sig] = token.split('.');
    return kind === 'sbxr' && sig === mac(`r.${nonce}`) && !usedRefreshTokens.has(token);
  };

  function deliver(item: InboxItem): void {
    items.push(item);
  }

  async function postReceipt(msgId: string): Promise<number> {
    const message = sent.get(msgId);
    if (!message) return 404;
    const now = new Date();
    const body = receivedMessageBody({ appId: options.appId, oaId: 'sandbox-oa', phone: message.phone, msgId, trackingId: message.trackingId, deliveredAt: now, now });
    try {
      const response = await fetch(options.webhookUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-zevent-server': 'ZNS', 'x-zevent-signature': webhookSignatureHeader(options.appId, body, JSON.parse(body).timestamp, options.oaSecretKey) },
        body,
      });
      await response.text();
      return response.status;
    } catch {
      return 0;
    }
  }

  const routes: LocalRoute[] = [
    {
      method: 'POST',
      path: `${ZALO_SANDBOX_PREFIX}${ZALO_REFRESH_PATH}`,
      async handle(request, response, body) {
        if (zaloDown) return sendJson(response, 503, { error: -100, message: 'Zalo sandbox is down' });
        if (request.headers.secret_key !== options.appSecret) return sendJson(response, 200, { error: -14014, error_name: 'Invalid secret key' });
        const form = new URLSearchParams(body.toString('utf8'));
        const given = form.get('refresh_token') ?? '';
        if (form.get('app_id') !== options.appId || form.get('grant_type') !== 'refresh_token') return sendJson(response, 200, { error: -14002, error_name: 'Invalid app_id' });
        if (!validRefresh(given)) return sendJson(response, 200, { error: -14020, error_name: 'Invalid refresh token' });
        usedRefreshTokens.add(given);
        const expiresIn = 90_000;
        sendJson(response, 200, { access_token: accessToken(Date.now() + expiresIn * 1000), refresh_token: refreshToken(randomUUID()), expires_in: String(expiresIn) });
      },
    },
    {
      method: 'POST',
      path: `${ZALO_SANDBOX_PREFIX}${ZNS_SEND_PATH}`,
      async handle(request, response, body) {
        if (zaloDown) return sendJson(response, 503, { error: -100, message: 'Zalo sandbox is down' });
        const token = String(request.headers.access_token ?? '');
        if (!validAccess(token)) return sendJson(response, 200, { error: -124, message: 'Access token is invalid' });
        const b = jsonOf(body) as { phone?: string; template_id?: string; template_data?: Record<string, string>; tracking_id?: string };
        if (typeof b.phone !== 'string' || !/^84\d{8,10}$/.test(b.phone)) return sendJson(response, 200, { error: -108, message: 'Phone number is invalid' });
        if (!b.template_id || !b.template_data) return sendJson(response, 200, { error: -109, message: 'Template ID is invalid' });
        if (noZalo.has(b.phone)) return sendJson(response, 200, { error: -118, message: 'Zalo account not existed' });
        const msgId = randomUUID().replace(/-/g, '');
        sent.set(msgId, { phone: b.phone, trackingId: String(b.tracking_id ?? '') });
        deliver({ channel: 'zns', to: b.phone, text: renderZns(b.template_id, b.template_data), dossierNo: b.template_data.ma_ho_so, sentAt: new Date().toISOString(), messageId: msgId });
        const timer = setTimeout(() => {
          timers.delete(timer);
          void postReceipt(msgId);
        }, options.receiptDelayMs ?? 300);
        timers.add(timer);
        sendJson(response, 200, { error: 0, message: 'Success', data: { msg_id: msgId, sent_time: String(Date.now()), sending_mode: '1', quota: { dailyQuota: '500', remainingQuota: '499' } } });
      },
    },
    {
      method: 'POST',
      path: `${ESMS_SANDBOX_PREFIX}${ESMS_SEND_PATH}`,
      async handle(_request, response, body) {
        const b = jsonOf(body) as Record<string, string>;
        if (b.ApiKey !== options.esmsApiKey || b.SecretKey !== options.esmsSecretKey) return sendJson(response, 200, { CodeResult: '101', ErrorMessage: 'Authorize Failed' });
        if (!b.Phone || !/^0\d{9,10}$/.test(b.Phone)) return sendJson(response, 200, { CodeResult: '104', ErrorMessage: 'Phone invalid' });
        if (!b.RequestId) return sendJson(response, 200, { CodeResult: '99', ErrorMessage: 'RequestId required' });
        if (esmsRequests.has(b.RequestId)) return sendJson(response, 200, { CodeResult: '124', ErrorMessage: 'Duplicate RequestId' });
        const smsId = randomUUID();
        esmsRequests.set(b.RequestId, smsId);
        const text = String(b.Content ?? '');
        deliver({ channel: 'sms', to: canonicalRecipient(b.Phone), text, dossierNo: DOSSIER_IN_TEXT.exec(text)?.[1], sentAt: new Date().toISOString(), messageId: smsId });
        sendJson(response, 200, { CodeResult: '100', CountRegenerate: 0, SMSID: smsId });
      },
    },
    {
      method: 'POST',
      path: `${SES_SANDBOX_PREFIX}/v2/email/outbound-emails`,
      async handle(_request, response, body) {
        const b = jsonOf(body) as { FromEmailAddress?: string; Destination?: { ToAddresses?: string[] }; Content?: { Simple?: { Subject?: { Data?: string }; Body?: { Text?: { Data?: string } } } } };
        const to = b.Destination?.ToAddresses ?? [];
        if (!b.FromEmailAddress || to.length === 0) return sendJson(response, 400, { message: 'Missing FromEmailAddress or Destination' });
        const text = `${b.Content?.Simple?.Subject?.Data ?? ''}\n${b.Content?.Simple?.Body?.Text?.Data ?? ''}`.trim();
        const messageId = randomUUID();
        for (const address of to) deliver({ channel: 'email', to: canonicalRecipient(address), text, dossierNo: DOSSIER_IN_TEXT.exec(text)?.[1], sentAt: new Date().toISOString(), messageId });
        sendJson(response, 200, { MessageId: messageId });
      },
    },
    {
      method: 'GET',
      path: '/sandbox/notifications',
      async handle(request, response) {
        const query = new URL(request.url ?? '/', 'http://sandbox').searchParams;
        const to = query.get('phone') ?? query.get('to') ?? query.get('email') ?? undefined;
        sendJson(response, 200, { items: inbox(to ?? undefined).map(({ messageId: _m, ...item }) => item) });
      },
    },
    {
      method: 'PUT',
      path: `${ZALO_SANDBOX_PREFIX}/phones/{phone}`,
      async handle(_request, response, body, params) {
        const account = jsonOf(body).zaloAccount;
        if (typeof account !== 'boolean') return sendJson(response, 400, { message: 'zaloAccount must be true or false' });
        const phone = canonicalRecipient(params.phone!);
        if (account) noZalo.delete(phone);
        else noZalo.add(phone);
        sendJson(response, 200, { phone, zaloAccount: account });
      },
    },
    {
      method: 'PUT',
      path: `${ZALO_SANDBOX_PREFIX}/outage`,
      async handle(_request, response, body) {
        const down = jsonOf(body).down;
        if (typeof down !== 'boolean') return sendJson(response, 400, { message: 'down must be true or false' });
        zaloDown = down;
        sendJson(response, 200, { down });
      },
    },
    {
      // Posts the signed delivery webhook of a message again, as Zalo's retry ladder would.
      method: 'POST',
      path: `${ZALO_SANDBOX_PREFIX}/messages/{msgId}/receipt`,
      async handle(_request, response, _body, params) {
        const status = await postReceipt(params.msgId!);
        sendJson(response, status === 404 ? 404 : 200, { webhookStatus: status });
      },
    },
    {
      method: 'GET',
      path: '/sandbox/phone',
      async handle(_request, response) {
        phoneIndexPage(response, [...new Set(items.map((i) => i.to))]);
      },
    },
    {
      method: 'GET',
      path: '/sandbox/phone/{phone}',
      async handle(_request, response, _body, params) {
        const phone = canonicalRecipient(params.phone!);
        phonePage(response, phone, inbox(phone), !noZalo.has(phone));
      },
    },
  ];

  function inbox(to?: string): InboxItem[] {
    const wanted = to ? canonicalRecipient(to) : undefined;
    return items.filter((i) => !wanted || i.to === wanted).sort((a, b) => b.sentAt.localeCompare(a.sentAt));
  }

  return {
    routes,
    seedRefreshToken: refreshToken('seed'),
    inbox,
    stop: () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}

/** The sandbox's credentials: the operator's own (same names as the secrets) or these defaults. */
export function notificationSandboxCredentials(env: Readonly<Record<string, string | undefined>>): Omit<NotificationSandboxOptions, 'webhookUrl' | 'receiptDelayMs'> {
  return {
    appId: env.ZALO_APP_ID || '4040404040404040404',
    appSecret: env.ZALO_APP_SECRET || 'sandbox-zalo-app-secret',
    oaSecretKey: (env.ZALO_OA_SECRET_KEY || 'sandbox-zalo-oa-secret').split(',')[0]!.trim(),
    esmsApiKey: env.ESMS_API_KEY || 'sandbox-esms-api-key',
    esmsSecretKey: env.ESMS_SECRET_KEY || 'sandbox-esms-secret-key',
  };
}

/** The settings that point a runtime's notification channels at its own sandbox. */
export function notificationSandboxValues(baseUrl: string, env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const credentials = notificationSandboxCredentials(env);
  return {
    ZALO_API_URL: `${baseUrl}${ZALO_SANDBOX_PREFIX}`,
    ZALO_OAUTH_URL: `${baseUrl}${ZALO_SANDBOX_PREFIX}`,
    ZALO_APP_ID: credentials.appId,
    ZALO_APP_SECRET: credentials.appSecret,
    ZALO_OA_SECRET_KEY: credentials.oaSecretKey,
    ZALO_REFRESH_TOKEN: sandboxRefreshToken(credentials.appSecret, 'seed'),
    ESMS_API_URL: `${baseUrl}${ESMS_SANDBOX_PREFIX}`,
    ESMS_API_KEY: credentials.esmsApiKey,
    ESMS_SECRET_KEY: credentials.esmsSecretKey,
    ESMS_BRANDNAME: 'TOANTRINH',
    NOTIFICATION_EMAIL_FROM: 'thongbao@toantrinh.local',
    NOTIFICATION_PAY_AGAIN_URL: `${baseUrl}/sandbox/portal/pay/{dossierNo}`,
  };
}
