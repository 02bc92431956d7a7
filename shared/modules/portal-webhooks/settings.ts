import * as z from '../../platform/api/zod';
import { readSecretList, type SecretName, type SecretReader } from '../../platform/config/secrets';
import { integerEnv, optionalEnv, type SettingValues } from '../../platform/config/env';
import { MAX_ACTIVE_SECRETS } from './domain/signature';
import { DEFAULT_RETRY_SCHEDULE_SECONDS, parseRetrySchedule } from './domain/retry-schedule';

/** A non-secret deployment setting: its environment variable and its CDK context key (toantrinh:<context>). */
export interface PortalWebhookSetting {
  readonly env: string;
  readonly context: string;
  readonly url?: boolean;
}

/** Where the portal receives our status pushes (one URL per deployment). */
export const PORTAL_WEBHOOK_URL: PortalWebhookSetting = { env: 'PORTAL_WEBHOOK_URL', context: 'portalWebhookUrl', url: true };
/** Optional, `AGENCY=https://…,AGENCY2=https://…`: an agency whose portal has its own receiver. */
export const PORTAL_WEBHOOK_AGENCY_URLS: PortalWebhookSetting = { env: 'PORTAL_WEBHOOK_AGENCY_URLS', context: 'portalWebhookAgencyUrls' };

/** The context settings every deployment must give (the agency overrides are optional). */
export const PortalWebhookSettingNames: readonly PortalWebhookSetting[] = [PORTAL_WEBHOOK_URL];

/**
 * `/toantrinh/<stage>/portal-webhook-secrets`: the signing secrets, comma-separated, newest first, at
 * most two (the current one and, while the portal rotates, the previous one).
 */
export const PORTAL_WEBHOOK_SECRETS: SecretName = 'PORTAL_WEBHOOK_SECRETS';
export const PortalWebhookSecrets: readonly SecretName[] = [PORTAL_WEBHOOK_SECRETS];

export interface PortalWebhookSettings {
  readonly defaultUrl: string;
  /** By agency code. */
  readonly agencyUrls: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** Seconds to wait after the 1st, 2nd, … failed attempt (PORTAL_WEBHOOK_RETRY_SCHEDULE). */
  readonly schedule: readonly number[];
}

const HttpUrl = z.url({ protocol: /^https?$/ });

function agencyUrls(text: string): Record<string, string> {
  const entries = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [agency, url] = entry.split(/=(.*)/s, 2).map((s) => s?.trim() ?? '');
      if (!agency || !url || !HttpUrl.safeParse(url).success) throw new Error(`Environment variable ${PORTAL_WEBHOOK_AGENCY_URLS.env}: "${entry}" is not AGENCY=http(s)://…`);
      return [agency, url] as const;
    });
  return Object.fromEntries(entries);
}

/** How long a push waits for the portal's answer unless PORTAL_WEBHOOK_TIMEOUT_MS says otherwise (also what the docs promise). */
export const DEFAULT_PORTAL_WEBHOOK_TIMEOUT_MS = 10_000;

/** Read once per container; a missing or invalid setting fails the cold start naming it. */
export function loadPortalWebhookSettings(values: SettingValues): PortalWebhookSettings {
  const defaultUrl = values[PORTAL_WEBHOOK_URL.env] ?? '';
  if (!HttpUrl.safeParse(defaultUrl).success) throw new Error(`Environment variable ${PORTAL_WEBHOOK_URL.env} is not set or not an http(s) URL`);
  return {
    defaultUrl,
    agencyUrls: agencyUrls(optionalEnv(PORTAL_WEBHOOK_AGENCY_URLS.env, '', values)),
    timeoutMs: integerEnv('PORTAL_WEBHOOK_TIMEOUT_MS', DEFAULT_PORTAL_WEBHOOK_TIMEOUT_MS, 100, values),
    schedule: parseRetrySchedule(optionalEnv('PORTAL_WEBHOOK_RETRY_SCHEDULE', DEFAULT_RETRY_SCHEDULE_SECONDS.join(','), values)),
  };
}

/** The agency's own receiver, else the deployment's. */
export function webhookUrlFor(settings: Pick<PortalWebhookSettings, 'defaultUrl' | 'agencyUrls'>, agencyCode: string): string {
  return settings.agencyUrls[agencyCode] ?? settings.defaultUrl;
}

/**
 * The active signing secrets, read at each use (the secrets extension caches them 5 minutes), so a
 * rotation reaches running functions without a deploy.
 */
export async function signingSecrets(read: SecretReader): Promise<string[]> {
  const secrets = await readSecretList(read, PORTAL_WEBHOOK_SECRETS);
  if (secrets.length === 0 || secrets.length > MAX_ACTIVE_SECRETS) {
    throw new Error(`Secret ${PORTAL_WEBHOOK_SECRETS} must hold 1 or ${MAX_ACTIVE_SECRETS} comma-separated secrets (newest first), got ${secrets.length}`);
  }
  return secrets;
}
