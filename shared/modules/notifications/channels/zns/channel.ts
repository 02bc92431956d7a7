import type { SendOutcome } from '../../domain/fallback';
import { classifyZnsError } from '../../domain/fallback';
import type { NoticeChannel, OutboundNotice } from '../../ports';
import { postPartner } from '../http';
import { parseRefreshReply, parseSendReply, refreshForm, znsPhone, ZALO_REFRESH_PATH, ZNS_SEND_PATH, type RefreshReply } from './protocol';
import { ZaloTokenRefreshError, type ZaloTokenManager } from './tokens';

export interface ZnsSettings {
  readonly apiUrl: string;
  readonly oauthUrl: string;
  readonly appId: string;
}

/** The OAuth refresh call: form body, header `secret_key`. */
export function zaloRefresher(settings: ZnsSettings, appSecret: () => Promise<string>, fetchImpl: typeof fetch = fetch) {
  return async (refreshToken: string): Promise<RefreshReply> => {
    const reply = await postPartner(
      `${settings.oauthUrl}${ZALO_REFRESH_PATH}`,
      { headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: await appSecret() }, body: refreshForm(settings.appId, refreshToken).toString() },
      fetchImpl,
    );
    if ('error' in reply) return { ok: false, error: reply.error };
    return parseRefreshReply(reply.body);
  };
}

/** ZNS by phone number: reaches any phone with a Zalo account, follower of the OA or not. */
export class ZnsChannel implements NoticeChannel {
  readonly name = 'zns' as const;

  constructor(
    private readonly settings: ZnsSettings,
    private readonly tokens: ZaloTokenManager,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async send(notice: OutboundNotice): Promise<SendOutcome> {
    let token: string;
    try {
      token = await this.tokens.accessToken();
    } catch (error) {
      if (error instanceof ZaloTokenRefreshError) return { kind: 'temporary', code: 'TOKEN_REFRESH' };
      throw error;
    }
    const first = await this.post(notice, token);
    if (first.kind !== 'auth') return first;
    // Invalid token: refresh once and retry once; a second refusal is retried later through the queue.
    try {
      token = await this.tokens.afterRejection(token);
    } catch (error) {
      if (error instanceof ZaloTokenRefreshError) return { kind: 'temporary', code: 'TOKEN_REFRESH' };
      throw error;
    }
    return this.post(notice, token);
  }

  private async post(notice: OutboundNotice, accessToken: string): Promise<SendOutcome> {
    const body = { phone: znsPhone(notice.phone), template_id: notice.message.templateId, template_data: notice.message.data, tracking_id: notice.notificationId };
    const reply = await postPartner(`${this.settings.apiUrl}${ZNS_SEND_PATH}`, { headers: { 'content-type': 'application/json', access_token: accessToken }, body: JSON.stringify(body) }, this.fetchImpl);
    if ('error' in reply) return { kind: 'temporary', code: reply.error };
    if (reply.status === 429 || reply.status >= 500) return { kind: 'temporary', code: `HTTP_${reply.status}` };
    const parsed = parseSendReply(reply.body);
    if (parsed.ok) return { kind: 'accepted', messageId: parsed.msgId, final: false };
    return { kind: classifyZnsError(parsed.error), code: String(parsed.error) };
  }
}
