import * as z from '../../../../platform/api/zod';
import type { SettingsSource } from '../../../../platform/config/source';
import type { CarrierSetting } from '../carrier';

/** The VNPost order API: base URL and the account our agency was given. */
export const VnPostSettingsSchema = z.object({
  apiUrl: z.url(),
  username: z.string().check(z.minLength(1)),
  password: z.string().check(z.minLength(1)),
});
export type VnPostSettings = z.infer<typeof VnPostSettingsSchema>;

export const VnPostSettingNames: readonly CarrierSetting[] = [
  { env: 'POSTAL_API_URL', context: 'postalApiUrl', url: true },
  { env: 'POSTAL_API_USERNAME', context: 'postalApiUsername', placeholders: ['toantrinh'] },
];

export const VnPostSecrets = { api: ['POSTAL_API_PASSWORD'], webhook: 'POSTAL_WEBHOOK_SECRETS' } as const;

/** Read once per container; the password comes from SSM in AWS. A missing setting fails the cold start naming it. */
export async function loadVnPostSettings({ values, secret }: SettingsSource): Promise<VnPostSettings> {
  const raw = { apiUrl: values.POSTAL_API_URL, username: values.POSTAL_API_USERNAME, password: await secret('POSTAL_API_PASSWORD') };
  const parsed = VnPostSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const names: Record<string, string> = { apiUrl: 'POSTAL_API_URL', username: 'POSTAL_API_USERNAME', password: 'POSTAL_API_PASSWORD' };
    const missing = parsed.error.issues.map((i) => names[String(i.path[0])] ?? String(i.path[0]));
    throw new Error(`Environment variable ${[...new Set(missing)].join(', ')} is not set or not valid`);
  }
  return parsed.data;
}
