import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Clock } from '../../../platform/kernel/time';
import { readSecretList, type SecretName, type SecretReader } from '../../../platform/config/secrets';
import type { NoticeChannelName } from '../domain/fallback';
import type { NoticeChannel, ZaloTokenStore } from '../ports';
import { NotificationSecrets, type NotificationSettings } from '../settings';
import { ZnsChannel, zaloRefresher } from './zns/channel';
import { ZaloTokenManager } from './zns/tokens';
import { SmsChannel } from './sms/channel';
import { EmailChannel } from './email/channel';

/** What channels are built from (the container gives it). */
export interface ChannelContext {
  readonly settings: NotificationSettings;
  readonly secrets: SecretReader;
  readonly clock: Clock;
  readonly zaloTokens: ZaloTokenStore;
  readonly sesClient: () => SESv2Client;
  readonly onRefreshTokenAge?: (days: number) => void;
  readonly fetch?: typeof fetch;
}

export interface ChannelDefinition {
  readonly name: NoticeChannelName;
  /** Secrets the sender reads for it. */
  readonly secrets: readonly SecretName[];
  build(context: ChannelContext): NoticeChannel;
}

const zns: ChannelDefinition = {
  name: 'zns',
  secrets: [NotificationSecrets.zaloAppSecret, NotificationSecrets.zaloRefreshToken],
  build: (c) =>
    new ZnsChannel(
      c.settings.zns,
      new ZaloTokenManager({
        store: c.zaloTokens,
        refresh: zaloRefresher(c.settings.zns, () => c.secrets(NotificationSecrets.zaloAppSecret), c.fetch),
        seedRefreshToken: () => c.secrets(NotificationSecrets.zaloRefreshToken),
        clock: c.clock,
        ...(c.onRefreshTokenAge ? { onRefreshTokenAge: c.onRefreshTokenAge } : {}),
      }),
      c.fetch,
    ),
};

const sms: ChannelDefinition = {
  name: 'sms',
  secrets: [NotificationSecrets.esmsApiKey, NotificationSecrets.esmsSecretKey],
  build: (c) =>
    new SmsChannel(c.settings.sms, async () => ({ apiKey: await c.secrets(NotificationSecrets.esmsApiKey), secretKey: await c.secrets(NotificationSecrets.esmsSecretKey) }), c.fetch),
};

const email: ChannelDefinition = {
  name: 'email',
  secrets: [],
  build: (c) => new EmailChannel(c.sesClient(), c.settings.email),
};

/** One line per channel, in fallback order. */
export const NoticeChannelDefinitions: readonly ChannelDefinition[] = [zns, sms, email];

/** The channels this deployment enabled, by name. */
export function buildChannels(context: ChannelContext, definitions: readonly ChannelDefinition[] = NoticeChannelDefinitions): Partial<Record<NoticeChannelName, NoticeChannel>> {
  return Object.fromEntries(definitions.filter((d) => context.settings.enabled.has(d.name)).map((d) => [d.name, d.build(context)]));
}

/** Every secret a sender may read. */
export function channelSecrets(definitions: readonly ChannelDefinition[] = NoticeChannelDefinitions): SecretName[] {
  return [...new Set(definitions.flatMap((d) => d.secrets))];
}

/** The webhook's accepted OA secret keys (several while rotating). */
export function zaloWebhookSecrets(read: SecretReader): Promise<string[]> {
  return readSecretList(read, NotificationSecrets.zaloWebhookSecrets);
}
