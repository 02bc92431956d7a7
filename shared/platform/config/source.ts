import type { SettingValues } from './env';
import type { SecretReader } from './secrets';

/**
 * Where a module's settings loader reads from: plain values by name (Lambda's environment, or what
 * the local runtime chose) and secrets. The container builds one per runtime and memoises what is read.
 */
export interface SettingsSource {
  readonly values: SettingValues;
  readonly secret: SecretReader;
}
