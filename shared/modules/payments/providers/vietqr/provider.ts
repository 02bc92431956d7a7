import type { VietqrSettings } from './settings';
import { randomCode } from '../../domain/reference';
import type { Payment } from '../../domain/payment';
import type { PaymentProvider, ProviderStatus } from '../../ports';

/**
 * Bank transfer by VietQR: a dynamic EMVCo QR for the exact amount with the payment's reference as
 * the transfer content; the bank's signed webhook reports the transfer.
 */
export class VietqrProvider implements PaymentProvider {
  readonly name = 'vietqr' as const;
  /** The EMVCo amount (tag 54) is at most 13 characters. */
  readonly maxAmount = 9_999_999_999_999;

  constructor(private readonly settings: VietqrSettings) {}

  /** The transfer memo the citizen types or the QR carries: short, unambiguous, unguessable. */
  newReference(): string {
    return `TT${randomCode(12)}`;
  }

  async start(payment: Payment): Promise<Pick<Payment, 'qr'>> {
    // Imported here, not at the top: the package is CommonJS, and esbuild keeps a top-level require of
    // CommonJS in every bundle that reaches this file through the registry (38 KB), used or not.
    const { QRPay } = await import('vietnam-qr-pay');
    const payload = QRPay.initVietQR({
      bankBin: this.settings.bankBin,
      bankNumber: this.settings.accountNo,
      amount: String(payment.amount),
      purpose: payment.providerRef,
    }).build();
    return {
      qr: {
        payload,
        bankBin: this.settings.bankBin,
        accountNo: this.settings.accountNo,
        accountName: this.settings.accountName,
        memo: payment.providerRef,
      },
    };
  }

  /** Transfers have no status query: an unpaid transfer payment expires on our clock, a later transfer is a late success. */
  async query(): Promise<ProviderStatus> {
    return { outcome: 'not_queryable' };
  }
}
