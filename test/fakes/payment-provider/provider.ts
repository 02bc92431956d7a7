import type { Payment, PaymentProviderName } from '../../../shared/modules/payments/domain/payment';
import type { PaymentProvider, PaymentProviders, ProviderStatus } from '../../../shared/modules/payments/ports';
import { paymentProviders } from '../../../shared/modules/payments/providers/registry';
import type { FakepaySettings } from './settings';

/**
 * A name outside the domain's vocabulary on purpose: the registry, the settings loader and the use
 * cases must carry a provider they were not written for.
 */
export const FAKEPAY = 'fakepay' as PaymentProviderName;

/** A test-only provider: a redirect page of its own, and a status it reports when asked. */
export class FakepayProvider implements PaymentProvider {
  readonly name = FAKEPAY;
  readonly maxAmount = 1_000_000;
  readonly started: Payment[] = [];
  status: ProviderStatus = { outcome: 'pending' };

  constructor(private readonly settings: FakepaySettings) {}

  newReference(paymentId: string): string {
    return `FP-${paymentId.slice(4, 14)}`;
  }

  async start(payment: Payment): Promise<Pick<Payment, 'redirectUrl'>> {
    this.started.push(payment);
    return { redirectUrl: `${this.settings.pageUrl}?merchant=${this.settings.merchant}&ref=${payment.providerRef}` };
  }

  async query(): Promise<ProviderStatus> {
    return this.status;
  }
}

/** A provider for use-case tests that only need a name, a limit and a reference. */
export function stubProvider(name: PaymentProviderName, overrides: Partial<PaymentProvider> = {}): PaymentProvider {
  return {
    name,
    maxAmount: Number.MAX_SAFE_INTEGER,
    newReference: (paymentId) => paymentId.slice(4),
    start: async () => ({}),
    query: async () => ({ outcome: 'unknown' }),
    ...overrides,
  };
}

/**
 * The `providers` of a use case's deps: every registered provider as a {@link stubProvider}, those a
 * test cares about given. Built from the registry, so registering a provider edits no test that
 * builds this record (a provider outside the registry, such as fakepay, may be given too).
 */
export function stubProviders(given: Partial<Record<PaymentProviderName, PaymentProvider>> = {}): PaymentProviders {
  return { ...Object.fromEntries(paymentProviders.names().map((name) => [name, stubProvider(name)])), ...given } as PaymentProviders;
}

/** The `expiryMinutes` of CreatePaymentDeps: the same for every registered provider, some set apart. */
export function expiryMinutesOfEvery(minutes: number, given: Partial<Record<PaymentProviderName, number>> = {}): Record<PaymentProviderName, number> {
  return { ...Object.fromEntries(paymentProviders.names().map((name) => [name, minutes])), ...given } as Record<PaymentProviderName, number>;
}
