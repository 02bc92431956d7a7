import * as z from '../../../../platform/api/zod';
import { requiredEnv } from '../../../../platform/config/env';
import type { ProviderSettingsDeclaration } from '../definition';

export const NationalPlatformSettingsSchema = z.strictObject({
  /** `MaDoiTac`: our partner code at the platform. */
  partnerCode: z.string().check(z.minLength(1)),
  /** The shared secret of every `MaXacThuc`, ours and the platform's. */
  secret: z.string().check(z.minLength(1)),
  /** Where INIT and QUERY are posted (one endpoint told apart by `LoaiBanTin`: (unverified), OCPS configures one URL per message). */
  apiUrl: z.string().check(z.minLength(1)),
  /** The collecting agency's account the platform pays into (`TKThuHuong`, `MaNHThuHuong`, `TenTKThuHuong`). */
  beneficiary: z.strictObject({ accountNo: z.string().check(z.minLength(1)), bankCode: z.string().check(z.minLength(1)), accountName: z.string().check(z.minLength(1)) }),
});
export type NationalPlatformSettings = z.infer<typeof NationalPlatformSettingsSchema>;

export const nationalPlatformSettings = {
  // One secret signs INIT and QUERY and verifies the Confirm; it also signs our reply to it.
  secrets: ['NATIONAL_PLATFORM_SECRET'],
  callbackSecrets: [],
  context: {
    nationalPlatformPartnerCode: { env: 'NATIONAL_PLATFORM_PARTNER_CODE', samples: ['TOANTRINH-HP'] },
    nationalPlatformApiUrl: { env: 'NATIONAL_PLATFORM_API_URL', url: true },
    nationalPlatformAccountNo: { env: 'NATIONAL_PLATFORM_ACCOUNT_NO', samples: ['3511000000001'] },
    nationalPlatformBankCode: { env: 'NATIONAL_PLATFORM_BANK_CODE', samples: ['KBNN-HP-MAU'] },
    nationalPlatformAccountName: { env: 'NATIONAL_PLATFORM_ACCOUNT_NAME', samples: ['KHO BAC NHA NUOC HAI PHONG (MAU)'] },
  },
  fromPublicBaseUrl: {},
  // TD-DVC asks about transactions 30 minutes old; an unpaid one is then queried before it expires.
  expiry: { env: 'NATIONAL_PLATFORM_EXPIRY_MINUTES', defaultMinutes: 30 },
  async load({ values, secret }) {
    return NationalPlatformSettingsSchema.parse({
      partnerCode: requiredEnv('NATIONAL_PLATFORM_PARTNER_CODE', values),
      secret: await secret('NATIONAL_PLATFORM_SECRET'),
      apiUrl: requiredEnv('NATIONAL_PLATFORM_API_URL', values),
      beneficiary: {
        accountNo: requiredEnv('NATIONAL_PLATFORM_ACCOUNT_NO', values),
        bankCode: requiredEnv('NATIONAL_PLATFORM_BANK_CODE', values),
        accountName: requiredEnv('NATIONAL_PLATFORM_ACCOUNT_NAME', values),
      },
    });
  },
} as const satisfies ProviderSettingsDeclaration<NationalPlatformSettings>;
