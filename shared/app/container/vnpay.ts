import { vnpay, type VnpaySettings } from '../../modules/payments/providers/vnpay';
import { paymentReturnOrigins } from '../../modules/payments/return-origins';
import { secrets } from './secrets';
import { definePart } from './part';

/**
 * What VNPay's own callbacks (IPN, browser return) read: VNPay's settings alone, not the registry's,
 * so their bundles carry no other provider (VietQR's QR library was ~40 KB of each).
 */
export interface VnpayMembers {
  readonly vnpaySettings: Promise<VnpaySettings>;
  readonly paymentReturnOrigins: readonly string[];
}

export const vnpayCallbacks = /* @__PURE__ */ definePart<VnpayMembers>()('vnpayCallbacks', [secrets], (c, { once, settings }) => ({
  get vnpaySettings() {
    return once('vnpaySettings', () => vnpay.settings.load(c.settingsSource));
  },
  get paymentReturnOrigins() {
    return once('paymentReturnOrigins', () => paymentReturnOrigins(settings.values));
  },
}));
