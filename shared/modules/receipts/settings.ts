import { optionalEnv, type SettingValues } from '../../platform/config/env';
import type { ReceiptForm } from './domain/numbering';
import { RECEIPT_MODES, type ReceiptMode } from './domain/receipt';

/** How an agency's receipts are made. One form for every agency today; per-agency forms belong in the catalogue. */
export interface ReceiptSettings {
  readonly mode: ReceiptMode;
  readonly form: ReceiptForm;
}

/**
 * RECEIPT_MODE [separate] (or combined), RECEIPT_TEMPLATE [01BLP0-001], RECEIPT_SERIES_LETTERS [AA]:
 * the template symbol and series letters registered with the tax authority. A bad value fails the
 * cold start naming the variable.
 */
export function loadReceiptSettings(values: SettingValues): ReceiptSettings {
  const mode = optionalEnv('RECEIPT_MODE', 'separate', values);
  if (!(RECEIPT_MODES as readonly string[]).includes(mode)) throw new Error(`Environment variable RECEIPT_MODE must be one of ${RECEIPT_MODES.join(', ')}, got "${mode}"`);
  const template = optionalEnv('RECEIPT_TEMPLATE', '01BLP0-001', values);
  if (!/^[0-9A-Z]{6}[-/][0-9]{3}$/.test(template)) throw new Error(`Environment variable RECEIPT_TEMPLATE must look like 01BLP0-001, got "${template}"`);
  const seriesLetters = optionalEnv('RECEIPT_SERIES_LETTERS', 'AA', values);
  if (!/^[A-Z]{2}$/.test(seriesLetters)) throw new Error(`Environment variable RECEIPT_SERIES_LETTERS must be two capital letters, got "${seriesLetters}"`);
  return { mode: mode as ReceiptMode, form: { template, seriesLetters } };
}
