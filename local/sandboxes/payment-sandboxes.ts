import type { PaymentProviderName } from '../../shared/modules/payments/domain/payment';
import type { LocalRoute } from '../api-gateway';
import type { PaymentSandbox } from './payment-sandbox';
import type { SandboxSettings } from './settings';
import { vietqrSandbox } from './vietqr-sandbox';
import { vnpaySandbox } from './vnpay-sandbox';
import { nationalPlatformSandbox } from './national-platform-sandbox';

/** One sandbox per registered provider: a provider without one does not compile. */
export const PaymentSandboxes: Readonly<Record<PaymentProviderName, PaymentSandbox>> = {
  vnpay: vnpaySandbox,
  vietqr: vietqrSandbox,
  national_platform: nationalPlatformSandbox,
};

export function paymentSandboxSettings(baseUrl: string, sandbox: SandboxSettings): Record<string, string> {
  return Object.assign({}, ...Object.values(PaymentSandboxes).map((s) => s.settings(baseUrl, sandbox)));
}

export function paymentSandboxRoutes(baseUrl: () => string, sandbox: SandboxSettings): LocalRoute[] {
  return Object.values(PaymentSandboxes).flatMap((s) => s.routes(baseUrl, sandbox));
}
