import type { Construct } from 'constructs';
import { DEV_STAGE, deploySettingProblems } from './deploy-guard';

/** Deployment settings read from cdk.json context (or `-c key=value` on the CLI). */
export interface StackConfig {
  readonly stage: string;
  readonly jwtIssuer: string;
  readonly jwtAudience: string;
  /** Portal origins allowed by CORS, also handed to handlers as CORS_ALLOWED_ORIGINS. */
  readonly portalOrigins: readonly string[];
  /** Empty only on the dev stage; every other stage must name who receives the alarms. */
  readonly alarmEmail: string;
  /** Non-secret provider settings by group, handed to the functions that declare the group. */
  readonly providerSettings: Readonly<Record<'payments' | 'postal', Readonly<Record<string, string>>>>;
}

export const ContextKeys = {
  stage: 'toantrinh:stage',
  jwtIssuer: 'toantrinh:jwtIssuer',
  jwtAudience: 'toantrinh:jwtAudience',
  portalOrigins: 'toantrinh:portalOrigins',
  alarmEmail: 'toantrinh:alarmEmail',
  publicBaseUrl: 'toantrinh:publicBaseUrl',
  vnpayTmnCode: 'toantrinh:vnpayTmnCode',
  vnpayPaymentUrl: 'toantrinh:vnpayPaymentUrl',
  vnpayApiUrl: 'toantrinh:vnpayApiUrl',
  vietqrBankBin: 'toantrinh:vietqrBankBin',
  vietqrAccountNo: 'toantrinh:vietqrAccountNo',
  vietqrAccountName: 'toantrinh:vietqrAccountName',
  postalApiUrl: 'toantrinh:postalApiUrl',
  postalApiUsername: 'toantrinh:postalApiUsername',
} as const;

// Stage ends up in the stack name and every function name (64 characters at most).
const STAGE_PATTERN = /^[a-z][a-z0-9-]{0,15}$/;

export function readStackConfig(scope: Construct): StackConfig {
  const stage = text(scope, ContextKeys.stage) || 'dev';
  if (!STAGE_PATTERN.test(stage)) {
    throw new Error(`${ContextKeys.stage} must match ${STAGE_PATTERN}, got "${stage}"`);
  }
  if (stage !== DEV_STAGE) assertDeployable(scope, stage);
  const jwtIssuer = required(scope, ContextKeys.jwtIssuer);
  // API Gateway only fetches JWKS over HTTPS; fail at synth rather than at deploy.
  if (!jwtIssuer.startsWith('https://')) {
    throw new Error(`${ContextKeys.jwtIssuer} must be an https:// URL, got "${jwtIssuer}"`);
  }
  const portalOrigins = required(scope, ContextKeys.portalOrigins)
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0);
  for (const origin of portalOrigins) {
    if (!isOrigin(origin)) {
      throw new Error(`${ContextKeys.portalOrigins}: "${origin}" is not an origin (scheme://host[:port])`);
    }
  }
  return {
    stage,
    jwtIssuer,
    jwtAudience: required(scope, ContextKeys.jwtAudience),
    portalOrigins,
    alarmEmail: text(scope, ContextKeys.alarmEmail),
    providerSettings: providerSettings(scope),
  };
}

/** The public base URL is the custom domain of the API: the gateway's return URL is registered on it. */
function providerSettings(scope: Construct): StackConfig['providerSettings'] {
  const base = required(scope, ContextKeys.publicBaseUrl).replace(/\/$/, '');
  return {
    payments: {
      VNPAY_TMN_CODE: required(scope, ContextKeys.vnpayTmnCode),
      VNPAY_PAYMENT_URL: required(scope, ContextKeys.vnpayPaymentUrl),
      VNPAY_API_URL: required(scope, ContextKeys.vnpayApiUrl),
      VNPAY_RETURN_URL: `${base}/v1/callbacks/vnpay/return`,
      VIETQR_BANK_BIN: required(scope, ContextKeys.vietqrBankBin),
      VIETQR_ACCOUNT_NO: required(scope, ContextKeys.vietqrAccountNo),
      VIETQR_ACCOUNT_NAME: required(scope, ContextKeys.vietqrAccountName),
    },
    postal: {
      POSTAL_API_URL: required(scope, ContextKeys.postalApiUrl),
      POSTAL_API_USERNAME: required(scope, ContextKeys.postalApiUsername),
    },
  };
}

/** Refuses a real stage that would run on example, sandbox or missing settings, naming all of them. */
function assertDeployable(scope: Construct, stage: string): void {
  const settings = Object.fromEntries(
    Object.entries(ContextKeys)
      .filter(([name]) => name !== 'stage')
      .map(([name, key]) => [name, text(scope, key)]),
  );
  const problems = deploySettingProblems(settings);
  if (problems.length === 0) return;
  const lines = problems.map(({ setting, problem }) => `  ${ContextKeys[setting as keyof typeof ContextKeys]}: ${problem}`);
  throw new Error(
    `Stage "${stage}" cannot be deployed with example, sandbox or missing settings (only "${DEV_STAGE}" may); ` +
      `pass each of these with -c <key>=<value>:\n${lines.join('\n')}`,
  );
}

function text(scope: Construct, key: string): string {
  const value: unknown = scope.node.tryGetContext(key);
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new Error(`Context ${key} must be a string`);
  return value.trim();
}

function required(scope: Construct, key: string): string {
  const value = text(scope, key);
  if (!value) throw new Error(`Missing context ${key} (set it in cdk.json or with -c ${key}=...)`);
  return value;
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return url.origin === value;
  } catch {
    return false;
  }
}
