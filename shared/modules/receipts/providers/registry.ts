import { optionalEnv, type SettingValues } from '../../../platform/config/env';
import type { SecretName } from '../../../platform/config/secrets';
import type { ReceiptProviderDefinition, ReceiptProviderSetting } from './definition';
import { vnpt } from './vnpt';

/** Every e-receipt provider the system can use: one line each. */
export const RECEIPT_PROVIDERS = [vnpt] as const satisfies readonly ReceiptProviderDefinition[];

export const DEFAULT_RECEIPT_PROVIDER = 'vnpt';

export interface ReceiptProviderRegistry {
  readonly names: readonly string[];
  /** The provider the settings choose (RECEIPT_PROVIDER, default {@link DEFAULT_RECEIPT_PROVIDER}). */
  active(values: SettingValues): ReceiptProviderDefinition;
  /** Every registered provider's secrets: switching needs no redeploy of grants. */
  secrets(): SecretName[];
  settings(): ReceiptProviderSetting[];
}

export function createReceiptProviderRegistry(providers: readonly ReceiptProviderDefinition[]): ReceiptProviderRegistry {
  const byName = new Map(providers.map((p) => [p.name, p]));
  if (byName.size !== providers.length) throw new Error('Two receipt providers share a name');
  return {
    names: [...byName.keys()],
    active(values) {
      const name = optionalEnv('RECEIPT_PROVIDER', DEFAULT_RECEIPT_PROVIDER, values);
      const provider = byName.get(name);
      if (!provider) throw new Error(`Unknown receipt provider ${name}: one of ${[...byName.keys()].join(', ')} (RECEIPT_PROVIDER)`);
      return provider;
    },
    secrets: () => [...new Set(providers.flatMap((p) => p.secrets))],
    settings: () => [...new Map(providers.flatMap((p) => p.settings).map((s) => [s.env, s])).values()],
  };
}

export const ReceiptProviders: ReceiptProviderRegistry = createReceiptProviderRegistry(RECEIPT_PROVIDERS);
