import { requiredEnv } from '../../../shared/platform/config/env';
import type { ProviderSettingsDeclaration } from '../../../shared/modules/payments/providers/definition';

export interface FakepaySettings {
  readonly merchant: string;
  readonly apiKey: string;
  readonly pageUrl: string;
}

export const fakepaySettings = {
  secrets: ['FAKEPAY_API_KEY'],
  callbackSecrets: ['FAKEPAY_WEBHOOK_SECRETS'],
  context: { fakepayMerchant: { env: 'FAKEPAY_MERCHANT', samples: ['FAKE-MERCHANT'] }, fakepayPageUrl: { env: 'FAKEPAY_PAGE_URL', url: true } },
  fromPublicBaseUrl: { FAKEPAY_RETURN_URL: '/v1/callbacks/fakepay/return' },
  expiry: { env: 'FAKEPAY_EXPIRY_MINUTES', defaultMinutes: 5 },
  async load({ values, secret }) {
    return { merchant: requiredEnv('FAKEPAY_MERCHANT', values), apiKey: await secret('FAKEPAY_API_KEY'), pageUrl: requiredEnv('FAKEPAY_PAGE_URL', values) };
  },
} as const satisfies ProviderSettingsDeclaration<FakepaySettings>;
