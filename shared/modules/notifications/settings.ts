import { integerEnv, listEnv, optionalEnv, type SettingValues } from '../../platform/config/env';
import type { SecretName } from '../../platform/config/secrets';
import { NOTICE_CHANNELS, type NoticeChannelName } from './domain/fallback';
import { DEFAULT_QUIET_HOURS, parseQuietHours, type QuietHours } from './domain/quiet-hours';
import { NOTICE_KINDS, type NoticeKind } from './domain/templates';
import type { ZnsSettings } from './channels/zns/channel';
import type { SmsSettings } from './channels/sms/channel';
import type { EmailSettings } from './channels/email/channel';

/** The notifications' secrets (SSM SecureString parameters in AWS). */
export const NotificationSecrets = {
  /** OAuth `secret_key` of the Zalo app (token refresh). */
  zaloAppSecret: 'ZALO_APP_SECRET',
  /** The OA secret key that signs ZNS webhooks (comma-separated while rotating). */
  zaloWebhookSecrets: 'ZALO_OA_SECRET_KEY',
  /** The first refresh token, seeded once by an operator; later ones live in the table. */
  zaloRefreshToken: 'ZALO_REFRESH_TOKEN',
  esmsApiKey: 'ESMS_API_KEY',
  esmsSecretKey: 'ESMS_SECRET_KEY',
} as const satisfies Record<string, SecretName>;

/**
 * Non-secret settings a deployment gives (CDK context `toantrinh:<context>` → function environment).
 * The partner endpoints (ZALO_API_URL, ZALO_OAUTH_URL, ESMS_API_URL) default to the real ones and
 * are not context settings; only the local runtime points them at its sandboxes.
 */
export const NotificationContextSettings: readonly { env: string; context: string; url?: boolean; placeholders?: readonly string[] }[] = [
  { env: 'ZALO_APP_ID', context: 'zaloAppId', placeholders: ['1234567890123456789'] },
  { env: 'ZALO_TEMPLATE_IDS', context: 'zaloTemplateIds', placeholders: ['payment_received=410001,result_ready=410004'] },
  { env: 'ESMS_BRANDNAME', context: 'esmsBrandname', placeholders: ['TOANTRINH'] },
  { env: 'NOTIFICATION_EMAIL_FROM', context: 'notificationEmailFrom', placeholders: ['thongbao@dichvucong.example.gov.vn'] },
  { env: 'NOTIFICATION_PAY_AGAIN_URL', context: 'notificationPayAgainUrl', url: true },
];

export interface NotificationSettings {
  /** NOTIFICATION_CHANNELS [zns,sms,email]: the channels this deployment sends on. */
  readonly enabled: ReadonlySet<NoticeChannelName>;
  /** NOTIFICATION_QUIET_HOURS [22:00-06:00], Viet Nam time, or `off`. */
  readonly quietHours: QuietHours;
  /** ZNS_RECEIPT_TIMEOUT_SECONDS [900]: no delivery receipt by then → the next channel. */
  readonly receiptTimeoutSeconds: number;
  /** NOTIFICATION_BACKOFF_BASE_SECONDS [30]: first retry delay of a temporary error, doubling. */
  readonly backoffBaseSeconds: number;
  /** ZALO_WEBHOOK_MAX_AGE_SECONDS [900]: an older signed webhook is refused as a replay. */
  readonly webhookMaxAgeSeconds: number;
  /** ZALO_TEMPLATE_IDS (`kind=id,…`): the OA's approved template ids over the sandbox ones. */
  readonly templateIds: Partial<Record<NoticeKind, string>>;
  /** NOTIFICATION_PAY_AGAIN_URL, with `{dossierNo}`. */
  readonly payAgainUrl: (dossierNo: string) => string;
  readonly zns: ZnsSettings;
  readonly sms: SmsSettings;
  readonly email: EmailSettings;
}

function templateIds(values: SettingValues): Partial<Record<NoticeKind, string>> {
  const ids: Partial<Record<NoticeKind, string>> = {};
  for (const pair of listEnv('ZALO_TEMPLATE_IDS', values)) {
    const [kind, id] = pair.split('=').map((s) => s.trim());
    if (!kind || !id || !(NOTICE_KINDS as readonly string[]).includes(kind)) throw new Error(`ZALO_TEMPLATE_IDS: "${pair}" is not <kind>=<id> of a known kind`);
    ids[kind as NoticeKind] = id;
  }
  return ids;
}

export function loadNotificationSettings(values: SettingValues): NotificationSettings {
  const enabled = listEnv('NOTIFICATION_CHANNELS', values, NOTICE_CHANNELS.join(','));
  const unknown = enabled.filter((c) => !(NOTICE_CHANNELS as readonly string[]).includes(c));
  if (unknown.length > 0) throw new Error(`NOTIFICATION_CHANNELS: unknown channel(s) ${unknown.join(', ')}`);
  const payAgain = optionalEnv('NOTIFICATION_PAY_AGAIN_URL', 'https://dichvucong.gov.vn/ho-so/{dossierNo}/thanh-toan', values);
  return {
    enabled: new Set(enabled as NoticeChannelName[]),
    quietHours: values.NOTIFICATION_QUIET_HOURS ? parseQuietHours(values.NOTIFICATION_QUIET_HOURS) : DEFAULT_QUIET_HOURS,
    receiptTimeoutSeconds: integerEnv('ZNS_RECEIPT_TIMEOUT_SECONDS', 900, 1, values),
    backoffBaseSeconds: integerEnv('NOTIFICATION_BACKOFF_BASE_SECONDS', 30, 1, values),
    webhookMaxAgeSeconds: integerEnv('ZALO_WEBHOOK_MAX_AGE_SECONDS', 900, 1, values),
    templateIds: templateIds(values),
    payAgainUrl: (dossierNo) => payAgain.replace('{dossierNo}', encodeURIComponent(dossierNo)),
    zns: {
      apiUrl: optionalEnv('ZALO_API_URL', 'https://business.openapi.zalo.me', values).replace(/\/$/, ''),
      oauthUrl: optionalEnv('ZALO_OAUTH_URL', 'https://oauth.zaloapp.com', values).replace(/\/$/, ''),
      appId: optionalEnv('ZALO_APP_ID', '', values),
    },
    sms: {
      apiUrl: optionalEnv('ESMS_API_URL', 'https://rest.esms.vn', values).replace(/\/$/, ''),
      brandname: optionalEnv('ESMS_BRANDNAME', '', values),
    },
    email: {
      from: optionalEnv('NOTIFICATION_EMAIL_FROM', '', values),
      ...(values.SES_CONFIGURATION_SET ? { configurationSet: values.SES_CONFIGURATION_SET } : {}),
    },
  };
}
