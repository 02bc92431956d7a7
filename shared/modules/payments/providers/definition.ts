import type { SecretName } from '../../../platform/config/secrets';
import type { SettingsSource } from '../../../platform/config/source';
import type { PaymentProviderName } from '../domain/payment';
import type { PaymentProvider } from '../ports';

export type { SettingsSource };

/** One deployment setting of a provider, read from the CDK context `toantrinh:<short name>`. */
export interface ContextSetting {
  /** The environment variable the functions get it in. */
  readonly env: string;
  /** A URL: a real stage must use https on a real host. */
  readonly url?: boolean;
  /** Sample values (cdk.json, sandboxes) a real stage must not deploy with. */
  readonly samples?: readonly string[];
}

/**
 * Everything about a provider's settings the rest of the system derives from: function grants
 * (secrets), CDK context keys and the deploy guard (context), the environment of the payment
 * functions, and how the running function reads them back.
 */
export interface ProviderSettingsDeclaration<S> {
  /** Secrets needed to start and query payments (every function that builds the providers gets them). */
  readonly secrets: readonly SecretName[];
  /** Secrets needed only to verify the provider's callbacks (its callback functions get them). */
  readonly callbackSecrets: readonly SecretName[];
  /** Non-secret deployment settings, by their short context name (e.g. `vnpayTmnCode`). */
  readonly context: Readonly<Record<string, ContextSetting>>;
  /** Environment variables set from the API's public base URL + this path (e.g. a registered return URL). */
  readonly fromPublicBaseUrl: Readonly<Record<string, string>>;
  /** How long a payment with this provider stays payable. */
  readonly expiry: { readonly env: string; readonly defaultMinutes: number };
  load(source: SettingsSource): Promise<S>;
}

/** A payment provider as the registry knows it: its settings and how to build its adapter from them. */
export interface PaymentProviderModule<S = unknown> {
  readonly name: PaymentProviderName;
  readonly settings: ProviderSettingsDeclaration<S>;
  create(settings: S): PaymentProvider;
}

/** Keeps the link between a provider's settings type and its factory while the registry holds many. */
export function providerModule<S>(module: PaymentProviderModule<S>): PaymentProviderModule<S> {
  return module;
}
