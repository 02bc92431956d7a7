/**
 * Secrets never live in code, logs or the OpenAPI document. In AWS each is a SecureString parameter
 * under SECRETS_PARAMETER_PREFIX (e.g. /toantrinh/prod/vnpay-hash-secret), read through the Parameters
 * and Secrets Lambda Extension with a 5-minute cache; locally the value the runtime was given under the same name.
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

/** Fetches a decrypted parameter; the default asks the AWS Parameters and Secrets Lambda Extension. */
export type ParameterFetcher = (path: string) => Promise<string | undefined>;

type Fetch = (url: string, init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<{ status: number; ok: boolean; json(): Promise<unknown> }>;

/**
 * Reads through the AWS Parameters and Secrets Lambda Extension (a layer the stack adds to every
 * function that declares secrets, infra/constructs/service-function.ts), which caches each parameter
 * for 5 minutes. It is a local HTTP call: no SSM SDK client in the bundle (~220 KB with its nested
 * clients, which cost every secret-reading function its cold start). The interface is AWS's documented
 * one: GET localhost:2773/systemsmanager/parameters/get?name=…&withDecryption=true with the
 * execution environment's session token in X-Aws-Parameters-Secrets-Token; the answer is the
 * GetParameter response. Port and token are read from the Lambda environment at each call (they are
 * the runtime's, not wiring).
 */
export function extensionFetcher(env: Readonly<Record<string, string | undefined>> = process.env, fetchImpl: Fetch = fetch): ParameterFetcher {
  return async (path) => {
    const token = env.AWS_SESSION_TOKEN;
    if (!token) throw new Error('No AWS_SESSION_TOKEN: the Parameters and Secrets extension only answers inside Lambda');
    const port = env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? '2773';
    const url = `http://localhost:${port}/systemsmanager/parameters/get?name=${encodeURIComponent(path)}&withDecryption=true`;
    const response = await fetchImpl(url, { headers: { 'X-Aws-Parameters-Secrets-Token': token }, signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`Parameter ${path}: the secrets extension answered ${response.status}`);
    const body = (await response.json()) as { Parameter?: { Value?: unknown } };
    return typeof body.Parameter?.Value === 'string' ? body.Parameter.Value : undefined;
  };
}

export function createSecretReader(source: SecretSource, fetchParameter: ParameterFetcher = extensionFetcher()): SecretReader {
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
