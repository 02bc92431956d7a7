import type { PostalOrder, PostalService, Tracking } from '../../../shared/modules/deliveries/carrier-port';
import type { Carrier } from '../../../shared/modules/deliveries/carriers/carrier';
import { VENDOR_STATUS_NAMES } from '../../../shared/modules/deliveries/domain/carrier-status';

/**
 * A test-only carrier, "fakepost", with codes of its own (900s) so that a webhook read with another
 * carrier's table would fail: it proves a carrier is one folder plus one registry entry.
 */
export class FakePostalService implements PostalService {
  readonly orders: PostalOrder[] = [];
  readonly tracking = new Map<string, Tracking>();

  async createOrder(order: PostalOrder) {
    const existing = this.orders.findIndex((o) => o.orderNumber === order.orderNumber);
    if (existing < 0) this.orders.push(order);
    return { trackingNumber: `FP${String(existing < 0 ? this.orders.length : existing + 1).padStart(6, '0')}` };
  }
  async cancelOrder() {}
  async getTracking(trackingNumber: string) {
    const tracking = this.tracking.get(trackingNumber);
    if (!tracking) throw new Error(`fakepost has no parcel ${trackingNumber}`);
    return tracking;
  }
}

export const FAKEPOST_CODES = {
  numeric: { 901: 'PICKED_UP', 902: 'IN_TRANSIT', 909: 'DELIVERED' },
  names: VENDOR_STATUS_NAMES,
} as const;

/** The client each container gets; tests read what it was asked. */
export const fakePostalService = new FakePostalService();

export const fakepost: Carrier = {
  name: 'fakepost',
  statusCodes: FAKEPOST_CODES,
  settings: [{ env: 'FAKEPOST_API_URL', context: 'fakepostApiUrl', url: true }],
  secrets: { api: ['FAKEPOST_API_KEY'], webhook: 'FAKEPOST_WEBHOOK_SECRETS' },
  async postalService({ values, secret }) {
    if (!values.FAKEPOST_API_URL || !(await secret('FAKEPOST_API_KEY'))) throw new Error('fakepost is not configured');
    return fakePostalService;
  },
};
