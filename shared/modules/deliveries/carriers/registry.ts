import { optionalEnv, type SettingValues } from '../../../platform/config/env';
import type { SecretName } from '../../../platform/config/secrets';
import type { Carrier, CarrierSetting } from './carrier';
import { vnpost } from './vnpost';

/** Every carrier the system can use: one line each. */
export const CARRIERS = [vnpost] as const satisfies readonly Carrier[];

export type CarrierName = (typeof CARRIERS)[number]['name'];

/** The carrier used when POSTAL_CARRIER is not set. */
export const DEFAULT_CARRIER = 'vnpost';

export interface CarrierRegistry {
  readonly names: readonly string[];
  named(name: string): Carrier;
  /** The carrier the settings choose (POSTAL_CARRIER, default {@link DEFAULT_CARRIER}). */
  active(values: SettingValues): Carrier;
  /** What the functions calling a carrier may read: every registered carrier's, so switching needs no redeploy of grants. */
  apiSecrets(): SecretName[];
  webhookSecrets(): SecretName[];
  /** Every secret a carrier may need, for the settings reader. */
  allSecrets(): SecretName[];
  settings(): CarrierSetting[];
}

/** A registry over a list of carriers; tests build one with a fake carrier added. */
export function createCarrierRegistry(carriers: readonly Carrier[]): CarrierRegistry {
  const byName = new Map(carriers.map((c) => [c.name, c]));
  if (byName.size !== carriers.length) throw new Error('Two carriers share a name');
  const named = (name: string): Carrier => {
    const carrier = byName.get(name);
    if (!carrier) throw new Error(`Unknown carrier ${name}: one of ${[...byName.keys()].join(', ')} (POSTAL_CARRIER)`);
    return carrier;
  };
  const unique = <T>(values: T[]) => [...new Set(values)];
  return {
    names: [...byName.keys()],
    named,
    active: (values) => named(optionalEnv('POSTAL_CARRIER', DEFAULT_CARRIER, values)),
    apiSecrets: () => unique(carriers.flatMap((c) => c.secrets.api)),
    webhookSecrets: () => unique(carriers.map((c) => c.secrets.webhook)),
    allSecrets: () => unique(carriers.flatMap((c) => [...c.secrets.api, c.secrets.webhook])),
    settings: () => [...new Map(carriers.flatMap((c) => c.settings).map((s) => [s.env, s])).values()],
  };
}

export const Carriers: CarrierRegistry = createCarrierRegistry(CARRIERS);
