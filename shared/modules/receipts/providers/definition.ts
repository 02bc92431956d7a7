import type { SecretName } from '../../../platform/config/secrets';
import type { SettingsSource } from '../../../platform/config/source';
import type { ReceiptProvider } from '../ports';

/** A non-secret setting of a receipt provider: its environment name and its CDK context key. */
export interface ReceiptProviderSetting {
  readonly env: string;
  /** Short name of the CDK context key (`toantrinh:<context>`). */
  readonly context: string;
  /** The deploy guard checks it as an https URL off example hosts. */
  readonly url?: boolean;
  readonly placeholders?: readonly string[];
}

/** Everything the system knows of one e-receipt provider, in providers/<name>/; one registry line adds it. */
export interface ReceiptProviderDefinition {
  readonly name: string;
  readonly settings: readonly ReceiptProviderSetting[];
  readonly secrets: readonly SecretName[];
  /** Its client, settings read and checked; once per container. */
  build(source: SettingsSource): Promise<ReceiptProvider>;
}
