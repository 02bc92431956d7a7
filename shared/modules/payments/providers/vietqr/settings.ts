import * as z from '../../../../platform/api/zod';
import { requiredEnv } from '../../../../platform/config/env';
import type { ProviderSettingsDeclaration } from '../definition';

export const VietqrSettingsSchema = z.strictObject({
  bankBin: z.string().check(z.minLength(1)),
  accountNo: z.string().check(z.minLength(1)),
  accountName: z.string().check(z.minLength(1)),
});
export type VietqrSettings = z.infer<typeof VietqrSettingsSchema>;

export const vietqrSettings = {
  secrets: [],
  // Several secrets, comma-separated, so the bank's webhook secret can rotate.
  callbackSecrets: ['VIETQR_WEBHOOK_SECRETS'],
  context: {
    // 970415 (VietinBank) is a real BIN a treasury may well use: not a sample to refuse.
    vietqrBankBin: { env: 'VIETQR_BANK_BIN' },
    vietqrAccountNo: { env: 'VIETQR_ACCOUNT_NO', samples: ['113366668888'] },
    vietqrAccountName: { env: 'VIETQR_ACCOUNT_NAME', samples: ['KHO BAC NHA NUOC HAI PHONG'] },
  },
  fromPublicBaseUrl: {},
  expiry: { env: 'VIETQR_EXPIRY_MINUTES', defaultMinutes: 60 },
  async load({ values }) {
    return VietqrSettingsSchema.parse({
      bankBin: requiredEnv('VIETQR_BANK_BIN', values),
      accountNo: requiredEnv('VIETQR_ACCOUNT_NO', values),
      accountName: requiredEnv('VIETQR_ACCOUNT_NAME', values),
    });
  },
} as const satisfies ProviderSettingsDeclaration<VietqrSettings>;
