import { providerModule } from '../definition';
import { NationalPlatformProvider } from './provider';
import { nationalPlatformSettings, type NationalPlatformSettings } from './settings';

/**
 * The national payment platform of the National Public Service Portal (DVCQG "Payment Platform"):
 * INIT with the receipt information and a redirect to `UrlThanhToan`, the platform's signed
 * Confirm, QUERY with backoff for what is still pending. Not an official specification: protocol.ts.
 */
export const nationalPlatform = /* @__PURE__ */ providerModule<NationalPlatformSettings>({
  name: 'national_platform',
  settings: nationalPlatformSettings,
  create: (settings) => new NationalPlatformProvider(settings),
});

export { nationalPlatformConfirmOperation, PlatformConfirmSchema, type PlatformConfirm } from './api';
export { answerConfirm, replyTo } from './callback';
export { ConfirmReply } from './protocol';
export { NationalPlatformProvider, PENDING_QUERY_SCHEDULE } from './provider';
export type { NationalPlatformSettings } from './settings';
