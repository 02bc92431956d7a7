import { nationalPlatform, type NationalPlatformSettings } from '../../modules/payments/providers/national-platform';
import { secrets } from './secrets';
import { definePart } from './part';

/**
 * What the national payment platform's Confirm reads: the platform's settings alone, not the
 * registry's, so its bundle carries no other provider (as VNPay's callbacks, container/vnpay.ts).
 */
export interface NationalPlatformMembers {
  readonly nationalPlatformSettings: Promise<NationalPlatformSettings>;
}

export const nationalPlatformCallbacks = /* @__PURE__ */ definePart<NationalPlatformMembers>()('nationalPlatformCallbacks', [secrets], (c, { once }) => ({
  get nationalPlatformSettings() {
    return once('nationalPlatformSettings', () => nationalPlatform.settings.load(c.settingsSource));
  },
}));
