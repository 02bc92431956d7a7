import * as z from '../../../../platform/api/zod';
import { requiredEnv } from '../../../../platform/config/env';
import type { ProviderSettingsDeclaration } from '../definition';

export const VnpaySettingsSchema = z.strictObject({
  tmnCode: z.string().check(z.minLength(1)),
  hashSecret: z.string().check(z.minLength(1)),
  /** The gateway's payment page, e.g. https://pay.vnpay.vn/vpcpay.html (sandbox locally). */
  gatewayUrl: z.string().check(z.minLength(1)),
  /** The merchant web API for querydr. */
  apiUrl: z.string().check(z.minLength(1)),
  /** Our return URL, registered with the gateway. */
  returnUrl: z.string().check(z.minLength(1)),
});
export type VnpaySettings = z.infer<typeof VnpaySettingsSchema>;

export const vnpaySettings = {
  // One hash secret signs payment URLs and querydr, and verifies the IPN and the return link.
  secrets: ['VNPAY_HASH_SECRET'],
  callbackSecrets: [],
  context: {
    vnpayTmnCode: { env: 'VNPAY_TMN_CODE', samples: ['TOANTR01'] },
    vnpayPaymentUrl: { env: 'VNPAY_PAYMENT_URL', url: true },
    vnpayApiUrl: { env: 'VNPAY_API_URL', url: true },
  },
  fromPublicBaseUrl: { VNPAY_RETURN_URL: '/v1/callbacks/vnpay/return' },
  expiry: { env: 'VNPAY_EXPIRY_MINUTES', defaultMinutes: 15 },
  async load({ values, secret }) {
    return VnpaySettingsSchema.parse({
      tmnCode: requiredEnv('VNPAY_TMN_CODE', values),
      hashSecret: await secret('VNPAY_HASH_SECRET'),
      gatewayUrl: requiredEnv('VNPAY_PAYMENT_URL', values),
      apiUrl: requiredEnv('VNPAY_API_URL', values),
      returnUrl: requiredEnv('VNPAY_RETURN_URL', values),
    });
  },
} as const satisfies ProviderSettingsDeclaration<VnpaySettings>;
