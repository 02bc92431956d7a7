import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The Zalo ZNS wire format, in this one file: send by phone, the OA token refresh and the
 * `user_received_message` webhook. [V] copy of developers.zalo.me "API Gửi tin" (see
 * ../shared/design/integrations.md §3); not an official spec we hold. Unverified: the exact
 * `expires_in` type (string in the pages read; both accepted) and whether errors other than those
 * listed there occur on this endpoint.
 */

export const ZNS_SEND_PATH = '/message/template';
export const ZALO_REFRESH_PATH = '/v4/oa/access_token';
export const ZNS_RECEIVED_EVENT = 'user_received_message';

/** `+84912345678` → `84912345678`, the form ZNS wants. */
export function znsPhone(e164: string): string {
  if (!/^\+84\d{8,10}$/.test(e164)) throw new Error('not a Vietnamese E.164 number');
  return e164.slice(1);
}

export interface ZnsSendBody {
  readonly phone: string;
  readonly template_id: string;
  readonly template_data: Readonly<Record<string, string>>;
  /** ≤48 characters, alphanumeric: our notification id. */
  readonly tracking_id: string;
}

export type ZnsSendReply = { readonly ok: true; readonly msgId: string; readonly remainingQuota?: number } | { readonly ok: false; readonly error: number; readonly message: string };

/** Reads the send reply; `error` may come as a number or a numeric string in the wild. */
export function parseSendReply(body: unknown): ZnsSendReply {
  const b = body as { error?: unknown; message?: unknown; data?: { msg_id?: unknown; quota?: { remainingQuota?: unknown } } } | null;
  const error = Number(b?.error);
  if (!Number.isInteger(error)) return { ok: false, error: -100, message: 'unreadable reply' };
  if (error !== 0) return { ok: false, error, message: String(b?.message ?? '') };
  const msgId = b?.data?.msg_id;
  if (typeof msgId !== 'string' || msgId === '') return { ok: false, error: -100, message: 'success without msg_id' };
  const remaining = Number(b?.data?.quota?.remainingQuota);
  return { ok: true, msgId, ...(Number.isFinite(remaining) ? { remainingQuota: remaining } : {}) };
}

/** The form body of a refresh: `refresh_token`, `app_id`, `grant_type=refresh_token` (header `secret_key`). */
export function refreshForm(appId: string, refreshToken: string): URLSearchParams {
  return new URLSearchParams({ refresh_token: refreshToken, app_id: appId, grant_type: 'refresh_token' });
}

export type RefreshReply =
  | { readonly ok: true; readonly accessToken: string; readonly refreshToken: string; readonly expiresInSeconds: number }
  | { readonly ok: false; readonly error: string };

/**
 * A refresh reply is a success only with both tokens and a lifetime; anything else (an `error` body,
 * a partial one) is an error and must never be stored: the refresh token is single-use.
 */
export function parseRefreshReply(body: unknown): RefreshReply {
  const b = body as { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown; error?: unknown; error_name?: unknown } | null;
  const expires = Number(b?.expires_in);
  if (typeof b?.access_token === 'string' && b.access_token !== '' && typeof b.refresh_token === 'string' && b.refresh_token !== '' && Number.isFinite(expires) && expires > 0) {
    return { ok: true, accessToken: b.access_token, refreshToken: b.refresh_token, expiresInSeconds: expires };
  }
  return { ok: false, error: String(b?.error ?? b?.error_name ?? 'incomplete reply') };
}

/** `mac=` + sha256(appId + rawBody + timestamp + secret), hex: plain SHA-256 with the secret as a suffix, not HMAC. */
export function webhookMac(appId: string, rawBody: string, timestamp: string, secret: string): string {
  return createHash('sha256').update(appId + rawBody + timestamp + secret, 'utf8').digest('hex');
}

export function webhookSignatureHeader(appId: string, rawBody: string, timestamp: string, secret: string): string {
  return `mac=${webhookMac(appId, rawBody, timestamp, secret)}`;
}

export interface ZnsReceipt {
  readonly msgId: string;
  readonly trackingId: string;
  /** From `message.delivery_time` (epoch ms), not the event's `timestamp`. */
  readonly deliveredAt: string;
}

export type WebhookCheck =
  | { readonly valid: true; readonly event: string; readonly receipt?: ZnsReceipt }
  | { readonly valid: false; readonly reason: 'malformed' | 'signature' | 'stale' | 'app' };

/**
 * Verifies a webhook over its raw bytes: the body's own `timestamp` (epoch ms) and `app_id` enter
 * the MAC, compared in constant time against every accepted secret; an event older (or newer) than
 * `maxAgeMs` is refused so a captured one cannot be replayed later.
 */
export function verifyWebhook(input: { rawBody: string; signature: string | undefined; appId: string; secrets: readonly string[]; now: Date; maxAgeMs: number }): WebhookCheck {
  let body: { app_id?: unknown; timestamp?: unknown; event_name?: unknown; message?: { msg_id?: unknown; tracking_id?: unknown; delivery_time?: unknown } };
  try {
    body = JSON.parse(input.rawBody);
  } catch {
    return { valid: false, reason: 'malformed' };
  }
  const given = /^mac=([0-9a-f]{64})$/i.exec(input.signature?.trim() ?? '')?.[1]?.toLowerCase();
  const timestamp = typeof body?.timestamp === 'string' || typeof body?.timestamp === 'number' ? String(body.timestamp) : undefined;
  if (!given || !timestamp || !/^\d{10,13}$/.test(timestamp)) return { valid: false, reason: 'malformed' };
  const givenBytes = Buffer.from(given, 'hex');
  const matches = input.secrets
    .map((secret) => timingSafeEqual(givenBytes, Buffer.from(webhookMac(input.appId, input.rawBody, timestamp, secret), 'hex')))
    .some(Boolean);
  if (!matches) return { valid: false, reason: 'signature' };
  if (String(body.app_id) !== input.appId) return { valid: false, reason: 'app' };
  const ms = timestamp.length <= 10 ? Number(timestamp) * 1000 : Number(timestamp);
  if (Math.abs(input.now.getTime() - ms) > input.maxAgeMs) return { valid: false, reason: 'stale' };
  const event = String(body.event_name ?? '');
  if (event !== ZNS_RECEIVED_EVENT) return { valid: true, event };
  const m = body.message;
  const delivery = Number(m?.delivery_time);
  if (typeof m?.msg_id !== 'string' || typeof m?.tracking_id !== 'string' || !Number.isFinite(delivery)) return { valid: false, reason: 'malformed' };
  return { valid: true, event, receipt: { msgId: m.msg_id, trackingId: m.tracking_id, deliveredAt: new Date(delivery).toISOString() } };
}

/** A `user_received_message` body as Zalo posts it (the sandbox posts exactly this). */
export function receivedMessageBody(input: { appId: string; oaId: string; phone: string; msgId: string; trackingId: string; deliveredAt: Date; now: Date }): string {
  return JSON.stringify({
    app_id: input.appId,
    event_name: ZNS_RECEIVED_EVENT,
    sender: { id: input.oaId },
    recipient: { id: input.phone },
    message: { delivery_time: String(input.deliveredAt.getTime()), msg_id: input.msgId, tracking_id: input.trackingId },
    timestamp: String(input.now.getTime()),
  });
}
