import type { ReceiptProviderDefinition } from '../definition';
import { VnptReceiptProvider } from './provider';
import { loadVnptSettings, VnptSecrets, VnptSettingNames } from './settings';

export const vnpt = {
  name: 'vnpt',
  settings: VnptSettingNames,
  secrets: VnptSecrets,
  build: async (source) => new VnptReceiptProvider(await loadVnptSettings(source)),
} as const satisfies ReceiptProviderDefinition;
