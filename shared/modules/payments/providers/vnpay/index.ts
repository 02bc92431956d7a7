import { providerModule } from '../definition';
import { VnpayProvider } from './provider';
import { vnpaySettings, type VnpaySettings } from './settings';

/** VNPay PAY 2.1.0: a signed redirect to the gateway, an IPN, a browser return, querydr. */
export const vnpay = /* @__PURE__ */ providerModule<VnpaySettings>({ name: 'vnpay', settings: vnpaySettings, create: (settings) => new VnpayProvider(settings) });

export { answerIpn, returnRedirect } from './callback';
export { fromVnpAmount, IpnReply, payDate } from './protocol';
export type { VnpaySettings } from './settings';
