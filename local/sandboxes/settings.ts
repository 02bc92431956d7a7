/**
 * Provider credentials of the local runtime. They come from the environment (api.md, "Local runtime
 * configuration"); the defaults are sandbox values, printed at start, never used in AWS.
 */
export interface SandboxSettings {
  readonly vnpayTmnCode: string;
  readonly vnpayHashSecret: string;
  readonly vietqrWebhookSecrets: readonly string[];
  readonly postalWebhookSecrets: readonly string[];
  readonly nationalPlatformPartnerCode: string;
  readonly nationalPlatformSecret: string;
}

const list = (value: string | undefined, fallback: string) =>
  (value && value.trim() !== '' ? value : fallback).split(',').map((s) => s.trim()).filter(Boolean);

export function sandboxSettings(env: NodeJS.ProcessEnv = process.env): SandboxSettings {
  return {
    vnpayTmnCode: env.VNPAY_TMN_CODE || 'TOANTR01',
    vnpayHashSecret: env.VNPAY_HASH_SECRET || 'SANDBOXVNPAYHASHSECRET0123456789',
    vietqrWebhookSecrets: list(env.VIETQR_WEBHOOK_SECRETS, 'sandbox-vietqr-secret'),
    postalWebhookSecrets: list(env.POSTAL_WEBHOOK_SECRETS, 'sandbox-postal-secret'),
    nationalPlatformPartnerCode: env.NATIONAL_PLATFORM_PARTNER_CODE || 'TOANTRINH-HP',
    nationalPlatformSecret: env.NATIONAL_PLATFORM_SECRET || 'SANDBOX-NATIONAL-PLATFORM-SECRET',
  };
}
