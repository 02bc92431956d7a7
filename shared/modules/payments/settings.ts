import type { SettingsSource } from '../../platform/config/source';
import type { PaymentProviderName } from './domain/payment';
import { paymentProviders, type PaymentProviderRegistry, type ProviderSettingsByName } from './providers/registry';
import { paymentReturnOrigins } from './return-origins';

export interface PaymentSettings {
  /** Each registered provider's own settings (read one with `settingsOf(module, settings.providers)`). */
  readonly providers: ProviderSettingsByName;
  readonly expiryMinutes: Readonly<Record<PaymentProviderName, number>>;
  /**
   * Origins a payment's returnUrl may point at: the portal origins (CORS_ALLOWED_ORIGINS, from the
   * stack's portalOrigins), or PAYMENT_RETURN_ORIGINS where set (the local runtime adds its sandbox
   * portal page there).
   */
  readonly returnOrigins: readonly string[];
}

/** Read once per container (shared/app/container.ts memoises it); secrets come from SSM in AWS. */
export async function loadPaymentSettings(source: SettingsSource, registry: PaymentProviderRegistry = paymentProviders): Promise<PaymentSettings> {
  const { providers, expiryMinutes } = await registry.loadSettings(source);
  return { providers, expiryMinutes, returnOrigins: paymentReturnOrigins(source.values) };
}
