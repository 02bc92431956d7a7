import type { SendOutcome } from '../../domain/fallback';
import type { NoticeChannel, OutboundNotice } from '../../ports';
import { postPartner } from '../http';
import { esmsPhone, parseEsmsReply, ESMS_SEND_PATH, type EsmsSendBody } from './protocol';

export interface SmsSettings {
  readonly apiUrl: string;
  readonly brandname: string;
}

export interface SmsCredentials {
  readonly apiKey: string;
  readonly secretKey: string;
}

/** SMS brandname through eSMS; accepted is final here (no delivery receipt is awaited). */
export class SmsChannel implements NoticeChannel {
  readonly name = 'sms' as const;

  constructor(
    private readonly settings: SmsSettings,
    private readonly credentials: () => Promise<SmsCredentials>,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async send(notice: OutboundNotice): Promise<SendOutcome> {
    const { apiKey, secretKey } = await this.credentials();
    const body: EsmsSendBody = {
      ApiKey: apiKey,
      SecretKey: secretKey,
      Phone: esmsPhone(notice.phone),
      Content: notice.message.text,
      Brandname: this.settings.brandname,
      SmsType: '2',
      IsUnicode: '1',
      RequestId: notice.notificationId,
      Sandbox: '0',
    };
    const reply = await postPartner(`${this.settings.apiUrl}${ESMS_SEND_PATH}`, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, this.fetchImpl);
    if ('error' in reply) return { kind: 'temporary', code: reply.error };
    if (reply.status === 429 || reply.status >= 500) return { kind: 'temporary', code: `HTTP_${reply.status}` };
    const result = parseEsmsReply(reply.body);
    if (result.kind === 'accepted') return { kind: 'accepted', messageId: result.smsId || notice.notificationId, final: true };
    // 124: this RequestId was sent before (a retry after a lost reply), so it is sent.
    if (result.kind === 'duplicate') return { kind: 'accepted', messageId: notice.notificationId, final: true };
    return { kind: result.kind, code: result.code };
  }
}
