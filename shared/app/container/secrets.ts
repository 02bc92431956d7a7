import { createSecretReader, type SecretReader } from '../../platform/config/secrets';
import type { SettingsSource } from '../../platform/config/source';
import { definePart } from './part';

/* Its own file: only functions that read a secret carry the SSM provider. */

export interface SecretsMembers {
  readonly secrets: SecretReader;
  /** The settings source handed to the modules' settings loaders. */
  readonly settingsSource: SettingsSource;
}

export const secrets = /* @__PURE__ */ definePart<SecretsMembers>()('secrets', [], (c, { settings, once }) => ({
  get secrets() {
    return once('secrets', () => createSecretReader(settings.secrets));
  },
  get settingsSource() {
    return once('settingsSource', () => ({ values: settings.values, secret: c.secrets }));
  },
}));
