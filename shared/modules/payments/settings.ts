import { optionalEnv, requiredEnv } from '../../platform/config/env';
import { readSecret } from '../../platform/config/secrets';

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

let cached: Promise<PaymentSettings> | undefined;

/** Read once per container; the secret is fetched from SSM in AWS. */
export function paymentSettings(): Promise<PaymentSettings> {
  cached ??= (async () => ({
    vnpay: {
      tmnCode: requiredEnv('VNPAY_TMN_CODE'),
      hashSecret: await readSecret('VNPAY_HASH_SECRET'),
      gatewayUrl: requiredEnv('VNPAY_PAYMENT_URL'),
      apiUrl: requiredEnv('VNPAY_API_URL'),
      returnUrl: requiredEnv('VNPAY_RETURN_URL'),
    },
    vietqr: {
      bankBin: requiredEnv('VIETQR_BANK_BIN'),
      accountNo: requiredEnv('VIETQR_ACCOUNT_NO'),
      accountName: requiredEnv('VIETQR_ACCOUNT_NAME'),
    },
    expiryMinutes: {
      vnpay: Number(optionalEnv('VNPAY_EXPIRY_MINUTES', '15')),
      vietqr: Number(optionalEnv('VIETQR_EXPIRY_MINUTES', '60')),
    },
    returnOrigins: optionalEnv('PAYMENT_RETURN_ORIGINS', optionalEnv('CORS_ALLOWED_ORIGINS', ''))
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o.length > 0),
  }))();
  cached.catch(() => (cached = undefined));
  return cached;
}
