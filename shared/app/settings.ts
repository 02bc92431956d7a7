import { listEnv, optionalEnv, type SettingValues } from '../platform/config/env';
import type { AwsClientSettings } from '../platform/config/aws';
import { MainTable, Queues, type QueueKey } from '../platform/config/resources';
import type { SecretSource } from '../platform/config/secrets';

/**
 * Everything a container is built from. In Lambda it comes from the function's environment (the CDK
 * stack sets exactly what each function may use); the local runtime builds one per runtime from its
 * own emulators, queues and sandboxes, without touching `process.env`.
 */
export interface Settings {
  readonly stage: string;
  /** Empty in Lambda (the SDK's defaults apply); the emulators' endpoints locally. */
  readonly aws: AwsClientSettings;
  /** The single table; only functions with table access have it. */
  readonly tableName?: string;
  /** The queues this function may send to or consumes. */
  readonly queueUrls: Readonly<Partial<Record<QueueKey, string>>>;
  /** Portal origins answered with CORS headers. */
  readonly corsOrigins: readonly string[];
  /**
   * Every other setting by name, read where it is used: provider settings (VNPAY_TMN_CODE,
   * POSTAL_API_URL…, handed to each module's settings loader) and tunables (OUTBOX_RELAY_GRACE_SECONDS…).
   */
  readonly values: SettingValues;
  readonly secrets: SecretSource;
}

/**
 * The only place deployable code reads `process.env` for wiring. Powertools Logger and Metrics keep
 * their own conventions (POWERTOOLS_LOG_LEVEL, POWERTOOLS_SERVICE_NAME, POWERTOOLS_METRICS_DISABLED).
 */
export function settingsFromEnv(env: SettingValues = process.env): Settings {
  const values = { ...env };
  const queueUrls: Partial<Record<QueueKey, string>> = {};
  for (const key of Object.keys(Queues) as QueueKey[]) {
    const url = values[Queues[key].envVar];
    if (url) queueUrls[key] = url;
  }
  // Secrets given by value are looked up by the names the modules declare, when a module asks; they
  // are not picked here from the registries, which would put every provider and carrier (and what
  // they import) into every function's bundle. In AWS the stack sets no secret in the environment
  // (each comes from SSM under the prefix), so only a local run or a test gives one this way.
  const secretValues = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== ''));
  const tableName = values[MainTable.envVar];
  const parameterPrefix = values.SECRETS_PARAMETER_PREFIX;
  return {
    stage: optionalEnv('STAGE', 'local', values),
    aws: {},
    ...(tableName ? { tableName } : {}),
    queueUrls,
    corsOrigins: listEnv('CORS_ALLOWED_ORIGINS', values),
    values,
    secrets: { values: secretValues, ...(parameterPrefix ? { parameterPrefix } : {}) },
  };
}
