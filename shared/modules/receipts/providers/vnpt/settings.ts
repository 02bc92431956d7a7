import * as z from '../../../../platform/api/zod';
import type { SettingsSource } from '../../../../platform/config/source';
import type { ReceiptProviderSetting } from '../definition';

/** The agency's VNPT e-receipt tenant: its service URL, accounts and where receipts are viewed. */
export const VnptSettingsSchema = z.object({
  apiUrl: z.url(),
  account: z.string().check(z.minLength(1)),
  username: z.string().check(z.minLength(1)),
  /** `{fkey}` is replaced by the receipt's fkey. */
  pdfUrlTemplate: z.url().check(z.refine((u) => u.includes('%7Bfkey%7D') || u.includes('{fkey}'), 'must contain {fkey}')),
  acPassword: z.string().check(z.minLength(1)),
  password: z.string().check(z.minLength(1)),
  timeoutMs: z.number().check(z.int(), z.positive()),
});
export type VnptSettings = z.infer<typeof VnptSettingsSchema>;

export const VnptSettingNames: readonly ReceiptProviderSetting[] = [
  { env: 'RECEIPT_API_URL', context: 'receiptApiUrl', url: true },
  { env: 'RECEIPT_API_ACCOUNT', context: 'receiptApiAccount', placeholders: ['toantrinh'] },
  { env: 'RECEIPT_API_USERNAME', context: 'receiptApiUsername', placeholders: ['toantrinh'] },
  { env: 'RECEIPT_PDF_URL_TEMPLATE', context: 'receiptPdfUrlTemplate', url: true },
];

export const VnptSecrets = ['RECEIPT_API_ACPASS', 'RECEIPT_API_PASSWORD'] as const;

const NAMES: Record<string, string> = {
  apiUrl: 'RECEIPT_API_URL',
  account: 'RECEIPT_API_ACCOUNT',
  username: 'RECEIPT_API_USERNAME',
  pdfUrlTemplate: 'RECEIPT_PDF_URL_TEMPLATE',
  acPassword: 'RECEIPT_API_ACPASS',
  password: 'RECEIPT_API_PASSWORD',
  timeoutMs: 'RECEIPT_API_TIMEOUT_MS',
};

/** Read once per container; the passwords come from SSM in AWS. A missing setting fails the cold start naming it. */
export async function loadVnptSettings({ values, secret }: SettingsSource): Promise<VnptSettings> {
  const raw = {
    apiUrl: values.RECEIPT_API_URL?.replace(/\/$/, ''),
    account: values.RECEIPT_API_ACCOUNT,
    username: values.RECEIPT_API_USERNAME,
    pdfUrlTemplate: values.RECEIPT_PDF_URL_TEMPLATE,
    acPassword: await secret('RECEIPT_API_ACPASS'),
    password: await secret('RECEIPT_API_PASSWORD'),
    timeoutMs: Number(values.RECEIPT_API_TIMEOUT_MS ?? 10_000),
  };
  const parsed = VnptSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const missing = parsed.error.issues.map((i) => NAMES[String(i.path[0])] ?? String(i.path[0]));
    throw new Error(`Environment variable ${[...new Set(missing)].join(', ')} is not set or not valid`);
  }
  return parsed.data;
}
