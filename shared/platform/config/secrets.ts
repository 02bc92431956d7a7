/**
 * Secrets never live in code, logs or the OpenAPI document. In AWS each is a SecureString parameter
 * under SECRETS_PARAMETER_PREFIX (e.g. /toantrinh/prod/vnpay-hash-secret), read through Powertools
 * Parameters with a 5-minute cache; locally the environment variable of the same name is used.
 */
export const SecretNames = {
  vnpayHashSecret: 'VNPAY_HASH_SECRET',
  vietqrWebhookSecrets: 'VIETQR_WEBHOOK_SECRETS',
  postalWebhookSecrets: 'POSTAL_WEBHOOK_SECRETS',
  postalApiPassword: 'POSTAL_API_PASSWORD',
} as const;
export type SecretName = (typeof SecretNames)[keyof typeof SecretNames];

/** `VNPAY_HASH_SECRET` → `vnpay-hash-secret`, the parameter's last path segment. */
export function parameterNameOf(secret: SecretName): string {
  return secret.toLowerCase().replace(/_/g, '-');
}

export async function readSecret(name: SecretName): Promise<string> {
  const local = process.env[name];
  if (local !== undefined && local !== '') return local;
  const prefix = process.env.SECRETS_PARAMETER_PREFIX;
  if (!prefix) throw new Error(`Secret ${name} is not configured (set ${name} locally or SECRETS_PARAMETER_PREFIX in AWS)`);
  const { getParameter } = await import('@aws-lambda-powertools/parameters/ssm');
  const value = await getParameter(`${prefix}${parameterNameOf(name)}`, { decrypt: true, maxAge: 300 });
  if (!value) throw new Error(`Parameter ${prefix}${parameterNameOf(name)} is empty`);
  return value;
}

/** A comma-separated list of secrets, several accepted at once while they rotate. */
export async function readSecretList(name: SecretName): Promise<string[]> {
  return (await readSecret(name))
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
