import { optionalEnv, requiredEnv } from '../../platform/config/env';
import type { SettingsSource } from '../../platform/config/source';

export interface VnpaySettings {
  readonly tmnCode: string;
  readonly hashSecret: string;
  /** The gateway's payment page, e.g. https://pay.vnpay.vn/vpcpay.html (sandbox locally). */
  readonly gatewayUrl: string;
  /** The merchant web API for querydr. */
  readonly apiUrl: string;
  /** Our return URL, registered with the gateway. */
  readonly returnUrl: string;
}

export interface VietqrSettings {
  readonly bankBin: string;
  readonly accountNo: string;
  readonly accountName: string;
}

export interface PaymentSettings {
  readonly vnpay: VnpaySettings;
  readonly vietqr: VietqrSettings;
  readonly expiryMinutes: { readonly vnpay: number; readonly vietqr: number };
  /**
   * Origins a payment's returnUrl may point at: the portal origins (CORS_ALLOWED_ORIGINS, from the
   * stack's portalOrigins), or PAYMENT_RETURN_ORIGINS where set (the local runtime adds its sandbox
   * portal page there).
   */
  readonly returnOrigins: readonly string[];
}

/** Read once per container (shared/app/container.ts memoises it); the secret comes from SSM in AWS. */
export async function loadPaymentSettings({ values: env, secret }: SettingsSource): Promise<PaymentSettings> {
  return {
    vnpay: {
      tmnCode: requiredEnv('VNPAY_TMN_CODE', env),
      hashSecret: await secret('VNPAY_HASH_SECRET'),
      gatewayUrl: requiredEnv('VNPAY_PAYMENT_URL', env),
      apiUrl: requiredEnv('VNPAY_API_URL', env),
      returnUrl: requiredEnv('VNPAY_RETURN_URL', env),
    },
    vietqr: {
      bankBin: requiredEnv('VIETQR_BANK_BIN', env),
      accountNo: requiredEnv('VIETQR_ACCOUNT_NO', env),
      accountName: requiredEnv('VIETQR_ACCOUNT_NAME', env),
    },
    expiryMinutes: {
      vnpay: Number(optionalEnv('VNPAY_EXPIRY_MINUTES', '15', env)),
      vietqr: Number(optionalEnv('VIETQR_EXPIRY_MINUTES', '60', env)),
    },
    returnOrigins: optionalEnv('PAYMENT_RETURN_ORIGINS', optionalEnv('CORS_ALLOWED_ORIGINS', '', env), env)
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o.length > 0),
  };
}
