import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { SendOutcome } from '../../domain/fallback';
import type { NoticeChannel, OutboundNotice } from '../../ports';

export interface EmailSettings {
  /** The verified SES identity the stack grants ses:SendEmail on. */
  readonly from: string;
  readonly configurationSet?: string;
}

const TEMPORARY = new Set(['TooManyRequestsException', 'LimitExceededException', 'InternalFailure', 'ServiceUnavailable', 'ThrottlingException', 'TimeoutError']);
const RECIPIENT = new Set(['MessageRejected']);

/** Amazon SES v2: only for an applicant who gave an address; accepted is final here. */
export class EmailChannel implements NoticeChannel {
  readonly name = 'email' as const;

  constructor(
    private readonly client: SESv2Client,
    private readonly settings: EmailSettings,
  ) {}

  async send(notice: OutboundNotice): Promise<SendOutcome> {
    if (!notice.email) return { kind: 'recipient', code: 'NO_ADDRESS' };
    try {
      const reply = await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: this.settings.from,
          Destination: { ToAddresses: [notice.email] },
          Content: { Simple: { Subject: { Data: notice.message.subject, Charset: 'UTF-8' }, Body: { Text: { Data: notice.message.text, Charset: 'UTF-8' } } } },
          // Tags carry ids only, never the address or the name.
          EmailTags: [{ Name: 'notification', Value: notice.notificationId }, { Name: 'kind', Value: notice.message.kind }],
          ...(this.settings.configurationSet ? { ConfigurationSetName: this.settings.configurationSet } : {}),
        }),
        { abortSignal: AbortSignal.timeout(6_000) },
      );
      return { kind: 'accepted', messageId: reply.MessageId ?? notice.notificationId, final: true };
    } catch (error) {
      const name = (error as { name?: string }).name ?? 'Error';
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 0;
      if (RECIPIENT.has(name)) return { kind: 'recipient', code: name };
      if (TEMPORARY.has(name) || status === 0 || status >= 500 || name === 'AbortError') return { kind: 'temporary', code: name };
      return { kind: 'refused', code: name };
    }
  }
}
