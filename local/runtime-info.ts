import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sandboxSettings } from './sandboxes/settings';

/** Where a running local runtime can be reached, for operator commands run beside it. */
export interface RuntimeInfo {
  readonly baseUrl: string;
  readonly dynamoDbEndpoint: string;
  readonly sqsEndpoint: string;
  readonly tableName: string;
  readonly queues: Record<string, { url: string; deadLetterUrl: string }>;
  /** Each table stream's failure queue, by stream key (npm run dlq:redrive -- dossierOutbox --local). */
  readonly streamFailureQueues?: Record<string, { url: string }>;
}

const FILE = 'runtime.json';

export function writeRuntimeInfo(dataDir: string, info: RuntimeInfo): () => void {
  const file = join(dataDir, FILE);
  writeFileSync(file, JSON.stringify(info, null, 2));
  return () => rmSync(file, { force: true });
}

export function readRuntimeInfo(dataDir: string): RuntimeInfo {
  const file = resolve(dataDir, FILE);
  if (!existsSync(file)) throw new Error(`No local runtime is running with DATA_DIR=${dataDir} (no ${file}); start it with npm start`);
  return JSON.parse(readFileSync(file, 'utf8')) as RuntimeInfo;
}

/** Local settings whose values are secrets (comma-separated lists while rotating). */
const SECRET_SETTINGS = ['VNPAY_HASH_SECRET', 'VIETQR_WEBHOOK_SECRETS', 'POSTAL_WEBHOOK_SECRETS'] as const;

/** A secret as the banner may show it: its first two characters and length, or only that it is set when short. */
export function maskSecret(secret: string): string {
  return secret.length < 12 ? `(set, ${secret.length} chars)` : `${secret.slice(0, 2)}…(${secret.length} chars)`;
}

/**
 * A secret setting for the start banner. The sandbox defaults are published in the repository and
 * people need them to sign test callbacks, so they are shown; anything an operator passed in may be
 * a real partner secret, and terminals and CI logs are kept: it is masked.
 */
function describeSecret(name: (typeof SECRET_SETTINGS)[number], env: NodeJS.ProcessEnv): string {
  const value = env[name]?.trim() ?? '';
  if (value === '') return `${name}=(not set)`;
  const defaults = sandboxSettings({});
  const sandboxDefault = {
    VNPAY_HASH_SECRET: defaults.vnpayHashSecret,
    VIETQR_WEBHOOK_SECRETS: defaults.vietqrWebhookSecrets.join(','),
    POSTAL_WEBHOOK_SECRETS: defaults.postalWebhookSecrets.join(','),
  }[name];
  if (value === sandboxDefault) return `${name}=${value} (sandbox default)`;
  return `${name}=${value.split(',').map((s) => maskSecret(s.trim())).join(',')}`;
}

export interface BannerInput {
  readonly baseUrl: string;
  readonly dataDir: string | undefined;
  readonly dynamoDbEndpoint: string;
  readonly sqsEndpoint: string;
}

/** A dev token minted by curl and read out of its JSON answer by node (present wherever npm start runs). */
const mintToken = (url: string, claims: string) =>
  `$(curl -s -X POST ${url}/v1/dev/tokens -H 'content-type: application/json' -d '${claims}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')`;

/**
 * Registering a dossier (as its agency) and paying it (as the citizen), as shell commands to paste:
 * the dossier number is new each time, and the payment returns to the demo's own return page.
 */
export function registrationAndPaymentExample(url: string): string {
  const registration = JSON.stringify({
    procedureCode: '2.000815',
    agencyCode: 'HP-PX',
    channel: 'online',
    submittedAt: '@NOW@',
    applicant: { citizenId: '001099012345', fullName: 'Nguyen Van An', phone: '0912345678' },
    inputs: { pages: 3, copies: 1 },
  }).replace('"@NOW@"', `"'$(date -u +%Y-%m-%dT%H:%M:%SZ)'"`);
  const payment = JSON.stringify({ provider: 'vnpay', returnUrl: `${url}/demo/return` });
  return [
    `  NO=DEMO-$(date +%s)`,
    `  AGENCY=${mintToken(url, '{"role":"agency","agency":"HP-PX"}')}`,
    `  curl -s -X PUT ${url}/v1/dossiers/$NO -H "authorization: Bearer $AGENCY" -H 'content-type: application/json' -d '${registration}'; echo`,
    `  CITIZEN=${mintToken(url, '{"role":"citizen","sub":"001099012345"}')}`,
    `  curl -s -X POST ${url}/v1/dossiers/$NO/payments -H "authorization: Bearer $CITIZEN" -H "idempotency-key: $NO-1" -H 'content-type: application/json' -d '${payment}'; echo`,
  ].join('\n');
}

/** What `npm start` prints once the runtime is up. */
export function startBanner({ baseUrl: url, dataDir, dynamoDbEndpoint, sqsEndpoint }: BannerInput, env: NodeJS.ProcessEnv = process.env): string {
  const [vnpaySecret, vietqrSecrets, postalSecrets] = SECRET_SETTINGS.map((name) => describeSecret(name, env));
  return `
toantrinh local API: ${url}
  Demo:      ${url}/demo (quote → register → pay → return page → dossier status and notifications)
  OpenAPI:   ${url}/v1/openapi.json
  Health:    ${url}/v1/health
  Data:      ${dataDir ?? 'in memory (DATA_DIR=:memory:)'}
  Emulators: DynamoDB ${dynamoDbEndpoint} · SQS ${sqsEndpoint}

Mint a local token (the deployed stack uses your identity provider instead):
  curl -s -X POST ${url}/v1/dev/tokens -H 'content-type: application/json' -d '{"role":"citizen","sub":"001099012345"}'
  curl -s -X POST ${url}/v1/dev/tokens -H 'content-type: application/json' -d '{"role":"agency","agency":"HP-STP"}'
Sandboxes (local only): VNPay gateway ${url}/sandbox/vnpay/pay · bank transfer ${url}/sandbox/vietqr · post office ${url}/sandbox/postal
  Status pushes the portal received (signed webhooks): ${url}/sandbox/portal-webhooks
  VNPAY_TMN_CODE=${env.VNPAY_TMN_CODE} ${vnpaySecret}
  ${vietqrSecrets} ${postalSecrets}

Try a quote:
  curl -s -X POST ${url}/v1/fees/quote -H 'content-type: application/json' -d '{"procedureCode":"2.000815","channel":"online","inputs":{"pages":3,"copies":1}}'

Register a dossier as its agency, then pay it as the citizen (open the answer's redirectUrl to pay in the sandbox gateway;
it returns to ${url}/demo/return):
${registrationAndPaymentExample(url)}

Press Ctrl-C to stop.`;
}
