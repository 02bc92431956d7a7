import { settingsFromEnv, type Settings } from '../shared/app/settings';
import type { SettingValues } from '../shared/platform/config/env';
import type { SandboxSettings } from './sandboxes/settings';
import { paymentSandboxSettings } from './sandboxes/payment-sandboxes';
import { notificationSandboxValues } from './sandboxes/notification-sandbox';
import { NATIONAL_PORTAL_PREFIX, SANDBOX_PORTAL_ACCOUNT } from './sandboxes/national-portal';
import { RECEIPT_API_PREFIX, RECEIPT_PDF_PREFIX } from './sandboxes/receipt-provider';
import { PORTAL_WEBHOOK_PREFIX, SANDBOX_PORTAL_WEBHOOK_SECRET } from './sandboxes/portal-webhook-receiver';

export interface LocalSettingsInput {
  /** The operator's own settings by name; a non-empty one wins over the sandbox default. */
  readonly operator: SettingValues;
  /** Where this runtime listens: its sandboxes are served there. */
  readonly baseUrl: string;
  readonly sandbox: SandboxSettings;
  readonly corsOrigins: readonly string[];
  readonly aws: Settings['aws'];
  readonly tableName: string;
  readonly queueUrls: Settings['queueUrls'];
}

/** The providers' settings of a local runtime: its own sandboxes, as a deployment names the real partners. */
export function sandboxProviderValues(baseUrl: string, sandbox: SandboxSettings, corsOrigins: readonly string[]): Record<string, string> {
  return {
    // Each payment provider's sandbox (sandboxes/payment-sandboxes.ts, one per provider).
    ...paymentSandboxSettings(baseUrl, sandbox),
    // Payments may return to the portal origins and to this runtime's own sandbox portal page.
    PAYMENT_RETURN_ORIGINS: [...corsOrigins, baseUrl].join(','),
    POSTAL_WEBHOOK_SECRETS: sandbox.postalWebhookSecrets.join(','),
    POSTAL_API_URL: `${baseUrl}/sandbox/postal/api`,
    POSTAL_API_USERNAME: 'toantrinh',
    POSTAL_API_PASSWORD: 'sandbox',
    // The sandbox National Public Service Portal's LGSP (sandboxes/national-portal.ts).
    NATIONAL_PORTAL_URL: `${baseUrl}${NATIONAL_PORTAL_PREFIX}/api`,
    NATIONAL_PORTAL_USERNAME: SANDBOX_PORTAL_ACCOUNT.username,
    NATIONAL_PORTAL_PASSWORD: SANDBOX_PORTAL_ACCOUNT.password,
    NATIONAL_PORTAL_DSTCODE: SANDBOX_PORTAL_ACCOUNT.dstcode,
    NATIONAL_PORTAL_UNIT_CODE: SANDBOX_PORTAL_ACCOUNT.unitCode,
    // The sandbox e-receipt provider (sandboxes/receipt-provider.ts), VNPT-style.
    RECEIPT_API_URL: `${baseUrl}${RECEIPT_API_PREFIX}`,
    RECEIPT_API_ACCOUNT: 'toantrinh',
    RECEIPT_API_USERNAME: 'toantrinh',
    RECEIPT_API_ACPASS: 'sandbox',
    RECEIPT_API_PASSWORD: 'sandbox',
    RECEIPT_PDF_URL_TEMPLATE: `${baseUrl}${RECEIPT_PDF_PREFIX}/{fkey}`,
    // The sandbox portal that receives our signed status pushes (sandboxes/portal-webhook-receiver.ts).
    PORTAL_WEBHOOK_URL: `${baseUrl}${PORTAL_WEBHOOK_PREFIX}`,
    PORTAL_WEBHOOK_SECRETS: SANDBOX_PORTAL_WEBHOOK_SECRET,
  };
}

/**
 * The settings of one local runtime's container: its emulators, table and queues, the sandbox
 * defaults under whatever the operator set. Nothing is written to `process.env`, so several runtimes
 * can share a process.
 */
export function localSettings(input: LocalSettingsInput): Settings {
  const operator = Object.fromEntries(Object.entries(input.operator).filter((entry): entry is [string, string] => !!entry[1]));
  const values = {
    ...sandboxProviderValues(input.baseUrl, input.sandbox, input.corsOrigins),
    // Zalo ZNS, eSMS and SES stand-ins (sandboxes/notification-sandbox.ts), on the operator's credentials if given.
    ...notificationSandboxValues(input.baseUrl, input.operator),
    ...operator,
    CORS_ALLOWED_ORIGINS: input.corsOrigins.join(','),
  };
  const fromValues = settingsFromEnv(values);
  return {
    ...fromValues,
    stage: 'local',
    aws: input.aws,
    tableName: input.tableName,
    queueUrls: input.queueUrls,
    corsOrigins: input.corsOrigins,
    // Secrets are given as values here; there is no SSM to fall back on.
    secrets: { values: fromValues.secrets.values },
  };
}
