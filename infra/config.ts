import type { Construct } from 'constructs';
import { DEV_STAGE, deploySettingProblems } from './deploy-guard';
import { Carriers } from '../shared/modules/deliveries/carriers/registry';
import { paymentProviders } from '../shared/modules/payments/providers/registry';
import { NationalPortalSettingNames } from '../shared/modules/national-portal/settings';
import { ReceiptProviders } from '../shared/modules/receipts/providers/registry';
import { NotificationContextSettings } from '../shared/modules/notifications/settings';
import { PORTAL_WEBHOOK_AGENCY_URLS, PortalWebhookSettingNames } from '../shared/modules/portal-webhooks/settings';

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
  readonly providerSettings: Readonly<Record<'payments' | 'postal' | 'nationalPortal' | 'receipts' | 'notifications' | 'portalWebhooks', Readonly<Record<string, string>>>>;
}

const CoreContextKeys = {
  stage: 'toantrinh:stage',
  jwtIssuer: 'toantrinh:jwtIssuer',
  jwtAudience: 'toantrinh:jwtAudience',
  portalOrigins: 'toantrinh:portalOrigins',
  alarmEmail: 'toantrinh:alarmEmail',
  publicBaseUrl: 'toantrinh:publicBaseUrl',
} as const;

/** Every context key by short name: the core ones, then those the providers and carriers declare. */
export const ContextKeys: typeof CoreContextKeys & Readonly<Record<string, string>> = {
  ...CoreContextKeys,
  // Each payment provider's settings, as its settings.ts declares them (toantrinh:<short name>).
  ...contextKeysOf(paymentProviders.contextSettings()),
  // Each carrier's settings (carriers/<name>/settings.ts), e.g. postalApiUrl, postalApiUsername.
  ...Object.fromEntries(Carriers.settings().map((s) => [s.context, `toantrinh:${s.context}`])),
  // The LGSP of the National Public Service Portal (national-portal/settings.ts): URL, account, dstcode, unit.
  ...Object.fromEntries(NationalPortalSettingNames.map((s) => [s.context, `toantrinh:${s.context}`])),
  // Each e-receipt provider's settings (receipts/providers/<name>/settings.ts), e.g. receiptApiUrl.
  ...Object.fromEntries(ReceiptProviders.settings().map((s) => [s.context, `toantrinh:${s.context}`])),
  // Citizen notifications (notifications/settings.ts): Zalo app id and templates, SMS brandname, e-mail sender.
  ...Object.fromEntries(NotificationContextSettings.map((s) => [s.context, `toantrinh:${s.context}`])),
  // Where the portal receives our signed status pushes (portal-webhooks/settings.ts).
  ...Object.fromEntries(PortalWebhookSettingNames.map((s) => [s.context, `toantrinh:${s.context}`])),
};

function contextKey(shortName: string): string {
  return `toantrinh:${shortName}`;
}

function contextKeysOf(settings: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(Object.keys(settings).map((name) => [name, contextKey(name)]));
}

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
      ...paymentProviders.environment((shortName) => required(scope, contextKey(shortName)), base),
    },
    postal: Object.fromEntries(Carriers.settings().map((s) => [s.env, required(scope, `toantrinh:${s.context}`)])),
    nationalPortal: Object.fromEntries(NationalPortalSettingNames.map((s) => [s.env, required(scope, `toantrinh:${s.context}`)])),
    receipts: Object.fromEntries(ReceiptProviders.settings().map((s) => [s.env, required(scope, `toantrinh:${s.context}`)])),
    notifications: Object.fromEntries(NotificationContextSettings.map((s) => [s.env, required(scope, `toantrinh:${s.context}`)])),
    portalWebhooks: portalWebhookSettings(scope),
  };
}

/** The portal's webhook URL, and the optional per-agency receivers (`AGENCY=https://…,…`), each https. */
function portalWebhookSettings(scope: Construct): Record<string, string> {
  const agencyUrls = text(scope, contextKey(PORTAL_WEBHOOK_AGENCY_URLS.context));
  for (const entry of agencyUrls.split(',').map((e) => e.trim()).filter(Boolean)) {
    const url = entry.slice(entry.indexOf('=') + 1).trim();
    if (!entry.includes('=') || !url.startsWith('https://')) throw new Error(`${contextKey(PORTAL_WEBHOOK_AGENCY_URLS.context)}: "${entry}" is not AGENCY=https://…`);
  }
  return {
    ...Object.fromEntries(PortalWebhookSettingNames.map((s) => [s.env, required(scope, contextKey(s.context))])),
    ...(agencyUrls ? { [PORTAL_WEBHOOK_AGENCY_URLS.env]: agencyUrls } : {}),
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
