/**
 * What keeps a real stage from being deployed with the values cdk.json ships for `dev`. A forgotten
 * `-c` silently falls back to cdk.json, so every stage other than dev must name each setting itself,
 * and none of them may be an example, a sandbox or a value from cdk.json.
 *
 * Pure (no CDK import): config.ts passes the raw context values in.
 */
import { paymentProviders } from '../shared/modules/payments/providers/registry';
import { Carriers } from '../shared/modules/deliveries/carriers/registry';
import { NationalPortalSettingNames } from '../shared/modules/national-portal/settings';
import { ReceiptProviders } from '../shared/modules/receipts/providers/registry';
import { NotificationContextSettings } from '../shared/modules/notifications/settings';
import { PortalWebhookSettingNames } from '../shared/modules/portal-webhooks/settings';

/** The only stage allowed to run on cdk.json's example values (and without an alarm e-mail). */
export const DEV_STAGE = 'dev';

/** Settings whose values are URLs (or comma-separated origins): a real stage talks HTTPS only. */
const URL_SETTINGS = new Set([
  'jwtIssuer',
  'portalOrigins',
  'publicBaseUrl',
  ...Carriers.settings().filter((s) => s.url).map((s) => s.context),
  ...NationalPortalSettingNames.filter((s) => s.url).map((s) => s.context),
  ...ReceiptProviders.settings().filter((s) => s.url).map((s) => s.context),
  ...NotificationContextSettings.filter((s) => s.url).map((s) => s.context),
  ...PortalWebhookSettingNames.filter((s) => s.url).map((s) => s.context),
  ...Object.entries(paymentProviders.contextSettings()).filter(([, s]) => s.url).map(([name]) => name),
]);

/**
 * The plain-text samples cdk.json and the local sandboxes use; URLs and e-mails are caught by their
 * example domains instead. Payment providers declare theirs in their settings.ts (vietqrBankBin
 * declares none: 970415 is VietinBank's real BIN, where a treasury may well hold its account). A test
 * checks that every other value cdk.json ships is refused.
 */
const SAMPLE_VALUES: Readonly<Record<string, readonly string[]>> = {
  jwtAudience: ['toantrinh-api'],
  ...Object.fromEntries(Object.entries(paymentProviders.contextSettings()).flatMap(([name, s]) => (s.samples ? [[name, s.samples]] : []))),
  // Each carrier declares its sandbox values too (carriers/<name>/settings.ts).
  ...Object.fromEntries(Carriers.settings().flatMap((s) => (s.placeholders ? [[s.context, s.placeholders]] : []))),
  // And the national portal's LGSP account (national-portal/settings.ts).
  ...Object.fromEntries(NationalPortalSettingNames.flatMap((s) => (s.placeholders ? [[s.context, s.placeholders]] : []))),
  // And the e-receipt provider's account (receipts/providers/<name>/settings.ts).
  ...Object.fromEntries(ReceiptProviders.settings().flatMap((s) => (s.placeholders ? [[s.context, s.placeholders]] : []))),
  // And the notifications' Zalo app, templates, brandname and sender (notifications/settings.ts).
  ...Object.fromEntries(NotificationContextSettings.flatMap((s) => (s.placeholders ? [[s.context, s.placeholders]] : []))),
};

// RFC 2606/6761 names reserved for examples and tests, plus any host with an "example" label
// (auth.example.gov.vn, api.postal.example.vn): nobody's real service lives there.
const EXAMPLE_HOST = /(^|\.)(example|localhost|test|invalid)(\.|$)|^127\.|^0\.0\.0\.0$/i;
const EMAIL = /^[^@\s]+@([^@\s]+\.[^@\s]+)$/;

export interface SettingProblem {
  /** Short setting name, as in ContextKeys (e.g. `vnpayPaymentUrl`). */
  readonly setting: string;
  readonly problem: string;
}

/**
 * Every problem of every setting, so that one failed synth names them all. `settings` holds each
 * required setting's trimmed context value ('' when missing).
 */
export function deploySettingProblems(settings: Readonly<Record<string, string>>): SettingProblem[] {
  const problems: SettingProblem[] = [];
  for (const [setting, value] of Object.entries(settings)) {
    const problem = problemOf(setting, value);
    if (problem) problems.push({ setting, problem });
  }
  return problems;
}

function problemOf(setting: string, value: string): string | undefined {
  if (!value) return 'missing';
  if (/sandbox/i.test(value)) return `"${value}" is a sandbox value`;
  if (SAMPLE_VALUES[setting]?.includes(value)) return `"${value}" is the example value from cdk.json`;
  if (setting === 'alarmEmail') {
    const domain = EMAIL.exec(value)?.[1];
    if (!domain) return `"${value}" is not an e-mail address`;
    if (EXAMPLE_HOST.test(domain)) return `"${value}" is an example address`;
    return undefined;
  }
  if (URL_SETTINGS.has(setting)) {
    for (const part of value.split(',').map((s) => s.trim()).filter(Boolean)) {
      const url = parseUrl(part);
      if (!url || url.protocol !== 'https:') return `"${part}" is not an https:// URL`;
      if (EXAMPLE_HOST.test(url.hostname)) return `"${part}" is an example URL`;
    }
  }
  return undefined;
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
