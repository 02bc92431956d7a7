/**
 * Secrets never live in code, logs or the OpenAPI document. In AWS each is a SecureString parameter
 * under SECRETS_PARAMETER_PREFIX (e.g. /toantrinh/prod/vnpay-hash-secret), read through Powertools
 * Parameters with a 5-minute cache; locally the value the runtime was given under the same name.
 */
/**
 * A secret's name, upper snake case, also its local variable. The modules declare their own: each
 * payment provider's settings (shared/modules/payments/providers/<name>/settings.ts, collected by
 * the provider registry), each carrier's (shared/modules/deliveries/carriers/<name>/settings.ts,
 * collected by the carrier registry); platform-wide ones below (none today).
 */
export type SecretName = Uppercase<string>;

export const SecretNames: Readonly<Record<string, SecretName>> = {};

/** `VNPAY_HASH_SECRET` → `vnpay-hash-secret`, the parameter's last path segment. */
export function parameterNameOf(secret: SecretName): string {
  return secret.toLowerCase().replace(/_/g, '-');
}

/** Reads one secret by name; built once per container (shared/app/container.ts). */
export type SecretReader = (name: SecretName) => Promise<string>;

export interface SecretSource {
  /** Secrets given as values (the local runtime, tests); they win over SSM. */
  readonly values: Readonly<Partial<Record<SecretName, string>>>;
  /** Where the SecureString parameters live in AWS, e.g. `/toantrinh/prod/`. */
  readonly parameterPrefix?: string;
}

/** Fetches a decrypted parameter; the default is a Powertools SSM provider of this reader's own. */
export type ParameterFetcher = (path: string) => Promise<string | undefined>;

function powertoolsFetcher(): ParameterFetcher {
  let provider: Promise<{ get(path: string, options: object): Promise<unknown> }> | undefined;
  return async (path) => {
    // Imported on first use: functions that read no secret never load the SSM client.
    provider ??= import('@aws-lambda-powertools/parameters/ssm').then(({ SSMProvider }) => new SSMProvider());
    const value = await (await provider).get(path, { decrypt: true, maxAge: 300 });
    return typeof value === 'string' ? value : undefined;
  };
}

export function createSecretReader(source: SecretSource, fetchParameter: ParameterFetcher = powertoolsFetcher()): SecretReader {
  return async (name) => {
    const given = source.values[name];
    if (given !== undefined && given !== '') return given;
    const prefix = source.parameterPrefix;
    if (!prefix) throw new Error(`Secret ${name} is not configured (set ${name} locally or SECRETS_PARAMETER_PREFIX in AWS)`);
    const value = await fetchParameter(`${prefix}${parameterNameOf(name)}`);
    if (!value) throw new Error(`Parameter ${prefix}${parameterNameOf(name)} is empty`);
    return value;
  };
}

/** A comma-separated list of secrets, several accepted at once while they rotate. */
export async function readSecretList(read: SecretReader, name: SecretName): Promise<string[]> {
  return (await read(name))
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
