import * as z from '../../platform/api/zod';
import type { SecretName } from '../../platform/config/secrets';
import type { SettingsSource } from '../../platform/config/source';
import { integerEnv } from '../../platform/config/env';

/** A non-secret setting: its environment variable and its CDK context key (toantrinh:<context>). */
export interface NationalPortalSetting {
  readonly env: string;
  readonly context: string;
  readonly url?: boolean;
  /** Sandbox values a real stage must not deploy with. */
  readonly placeholders?: readonly string[];
}

/** The LGSP endpoint and our identity on it; the password is an SSM SecureString. */
export const NationalPortalSettingNames: readonly NationalPortalSetting[] = [
  { env: 'NATIONAL_PORTAL_URL', context: 'nationalPortalUrl', url: true },
  { env: 'NATIONAL_PORTAL_USERNAME', context: 'nationalPortalUsername', placeholders: ['toantrinh'] },
  { env: 'NATIONAL_PORTAL_DSTCODE', context: 'nationalPortalDstcode', placeholders: ['SANDBOX-DST'] },
  { env: 'NATIONAL_PORTAL_UNIT_CODE', context: 'nationalPortalUnitCode', placeholders: ['000.00.00.H00'] },
];

/** `/toantrinh/<stage>/national-portal-password`. */
export const NATIONAL_PORTAL_PASSWORD: SecretName = 'NATIONAL_PORTAL_PASSWORD';
export const NationalPortalSecrets: readonly SecretName[] = [NATIONAL_PORTAL_PASSWORD];

const SettingsSchema = z.object({
  url: z.url(),
  username: z.string().check(z.minLength(1)),
  password: z.string().check(z.minLength(1)),
  dstcode: z.string().check(z.minLength(1)),
  unitCode: z.string().check(z.minLength(1)),
});
export type NationalPortalSettings = z.infer<typeof SettingsSchema> & { readonly timeoutMs: number };

/** Read once per container; a missing setting fails the cold start naming it. */
export async function loadNationalPortalSettings({ values, secret }: SettingsSource): Promise<NationalPortalSettings> {
  const raw = {
    url: values.NATIONAL_PORTAL_URL,
    username: values.NATIONAL_PORTAL_USERNAME,
    password: await secret(NATIONAL_PORTAL_PASSWORD),
    dstcode: values.NATIONAL_PORTAL_DSTCODE,
    unitCode: values.NATIONAL_PORTAL_UNIT_CODE,
  };
  const parsed = SettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const names: Record<string, string> = { url: 'NATIONAL_PORTAL_URL', username: 'NATIONAL_PORTAL_USERNAME', password: NATIONAL_PORTAL_PASSWORD, dstcode: 'NATIONAL_PORTAL_DSTCODE', unitCode: 'NATIONAL_PORTAL_UNIT_CODE' };
    const missing = parsed.error.issues.map((i) => names[String(i.path[0])] ?? String(i.path[0]));
    throw new Error(`Environment variable ${[...new Set(missing)].join(', ')} is not set or not valid`);
  }
  return { ...parsed.data, timeoutMs: integerEnv('NATIONAL_PORTAL_TIMEOUT_MS', 6_000, 100, values) };
}

/** First backoff of a failed push (NATIONAL_PORTAL_BACKOFF_BASE_SECONDS [30]), doubling per receive up to 15 minutes. */
export function pushBackoffBaseSeconds(values: SettingsSource['values']): number {
  return integerEnv('NATIONAL_PORTAL_BACKOFF_BASE_SECONDS', 30, 1, values);
}
