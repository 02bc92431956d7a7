import type { SecretName } from '../../../platform/config/secrets';
import type { PaymentProviderName } from '../domain/payment';
import type { PaymentProviders } from '../ports';
import { optionalEnv } from '../../../platform/config/env';
import type { ContextSetting, PaymentProviderModule, SettingsSource } from './definition';
import { vietqr } from './vietqr';
import { nationalPlatform } from './national-platform';
import { vnpay } from './vnpay';

/** Every provider's settings as read in a running function, by provider name. */
export type ProviderSettingsByName = ReadonlyMap<string, unknown>;

/**
 * The payment providers, one module each. Everything provider-specific the rest of the system needs
 * (secret grants, CDK context keys, the deploy guard, function environment, adapters) is derived
 * from this list, so adding a provider is its folder plus one line in {@link DEFAULT_PROVIDERS}.
 */
export class PaymentProviderRegistry {
  constructor(readonly modules: readonly PaymentProviderModule[]) {
    const names = modules.map((m) => m.name);
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice) throw new Error(`payment provider ${twice} is registered twice`);
  }

  names(): PaymentProviderName[] {
    return this.modules.map((m) => m.name);
  }

  module(name: PaymentProviderName): PaymentProviderModule<unknown> {
    const found = this.modules.find((m) => m.name === name);
    if (!found) throw new Error(`no payment provider ${name} is registered`);
    return found;
  }

  /** Secrets every function that builds the providers (create, expire, the IPN) must be allowed to read. */
  secrets(): SecretName[] {
    return unique(this.modules.flatMap((m) => m.settings.secrets));
  }

  /** Every secret a payment function may be granted (what a local runtime hands its containers). */
  allSecrets(): SecretName[] {
    return unique([...this.secrets(), ...this.modules.flatMap((m) => m.settings.callbackSecrets)]);
  }

  /** Secrets a provider's callback function reads to verify what the provider sends. */
  callbackSecrets(name: PaymentProviderName): SecretName[] {
    return unique([...this.module(name).settings.callbackSecrets]);
  }

  /** Deployment settings by short context name (`vnpayTmnCode`), for infra/config.ts and the deploy guard. */
  contextSettings(): Record<string, ContextSetting> {
    return Object.assign({}, ...this.modules.map((m) => m.settings.context));
  }

  /** The non-secret environment of the payment functions, from the context values and the API's public base URL. */
  environment(contextValue: (shortName: string) => string, publicBaseUrl: string): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [shortName, setting] of Object.entries(this.contextSettings())) env[setting.env] = contextValue(shortName);
    for (const m of this.modules) {
      for (const [name, path] of Object.entries(m.settings.fromPublicBaseUrl)) env[name] = `${publicBaseUrl.replace(/\/$/, '')}${path}`;
    }
    return env;
  }

  /** Reads every provider's settings (secrets included) once. */
  async loadSettings(source: SettingsSource): Promise<{ providers: ProviderSettingsByName; expiryMinutes: Record<PaymentProviderName, number> }> {
    const loaded = await Promise.all(this.modules.map(async (m) => [m.name, await m.settings.load(source)] as const));
    const expiryMinutes = Object.fromEntries(
      this.modules.map((m) => [m.name, Number(optionalEnv(m.settings.expiry.env, String(m.settings.expiry.defaultMinutes), source.values))]),
    ) as Record<PaymentProviderName, number>;
    return { providers: new Map(loaded), expiryMinutes };
  }

  /** The adapters, built from the settings {@link loadSettings} read. */
  build(settings: ProviderSettingsByName): PaymentProviders {
    return Object.fromEntries(this.modules.map((m) => [m.name, m.create(settings.get(m.name))])) as PaymentProviders;
  }
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** One line per provider. */
export const DEFAULT_PROVIDERS: readonly PaymentProviderModule[] = [
  vnpay,
  vietqr,
  nationalPlatform,
];

// Pure: a function that never builds a provider (a reaction consumer reading the payment store) drops them all.
export const paymentProviders = /* @__PURE__ */ new PaymentProviderRegistry(DEFAULT_PROVIDERS);

/** A provider's own settings out of everything loaded, typed by its module. */
export function settingsOf<S>(module: PaymentProviderModule<S>, settings: ProviderSettingsByName): S {
  if (!settings.has(module.name)) throw new Error(`settings of payment provider ${module.name} were not loaded`);
  return settings.get(module.name) as S;
}
