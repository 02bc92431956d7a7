import { BusinessRuleError, ConflictError } from '../../../platform/kernel/errors';

/**
 * `final`: the attempt is over, so the dossier may start another payment at once (its lock is free).
 * `terminal`: nothing leaves the status. The final non-success statuses are not terminal only because
 * of the named LateSuccess bypass below.
 */
export const PaymentStatuses = {
  pending: { final: false, terminal: false },
  succeeded: { final: true, terminal: true },
  failed: { final: true, terminal: false },
  expired: { final: true, terminal: false },
  cancelled: { final: true, terminal: false },
} as const;
export type PaymentStatus = keyof typeof PaymentStatuses;

export type PaymentProviderName = 'vnpay' | 'vietqr';

export type PaymentCause = 'ProviderConfirmedSuccess' | 'ProviderReportedFailure' | 'CustomerCancelled' | 'ExpiredUnpaid' | 'LateSuccess';

export interface PaymentTransition {
  readonly from: PaymentStatus;
  readonly to: PaymentStatus;
  readonly on: PaymentCause;
}

/**
 * The only moves of a payment. `LateSuccess` is the one named bypass, out of every final non-success
 * status: the provider verifiably took the money after we had recorded an expiry, a failure or a
 * cancel (a late or out-of-order callback, or reconciliation), so it must be recorded as paid and
 * sent to the dossier; whether the dossier still wants it (it applies it while awaiting payment,
 * else keeps it for refund review) is the dossier's decision, as for any second payment.
 */
export const PaymentTransitions: readonly PaymentTransition[] = [
  { from: 'pending', to: 'succeeded', on: 'ProviderConfirmedSuccess' },
  { from: 'pending', to: 'failed', on: 'ProviderReportedFailure' },
  { from: 'pending', to: 'cancelled', on: 'CustomerCancelled' },
  { from: 'pending', to: 'expired', on: 'ExpiredUnpaid' },
  { from: 'expired', to: 'succeeded', on: 'LateSuccess' },
  { from: 'failed', to: 'succeeded', on: 'LateSuccess' },
  { from: 'cancelled', to: 'succeeded', on: 'LateSuccess' },
];

export class InvalidPaymentTransitionError extends BusinessRuleError {
  override readonly code = 'INVALID_PAYMENT_TRANSITION';
}

export function assertPaymentTransition(from: PaymentStatus, to: PaymentStatus, on: PaymentCause): void {
  if (!PaymentTransitions.some((t) => t.from === from && t.to === to && t.on === on)) {
    throw new InvalidPaymentTransitionError(`${on} cannot move a payment from ${from} to ${to}`);
  }
}

/** A payment as stored. Amounts are integer VND; ×100 exists only inside the VNPay adapter. */
export interface Payment {
  readonly paymentId: string;
  readonly dossierNo: string;
  readonly citizenId: string;
  readonly agencyCode: string;
  readonly provider: PaymentProviderName;
  /** Our reference at the provider: vnp_TxnRef, or the transfer memo of a VietQR payment. */
  readonly providerRef: string;
  readonly amount: number;
  readonly currency: 'VND';
  readonly status: PaymentStatus;
  readonly returnUrl: string;
  readonly redirectUrl?: string;
  readonly qr?: { readonly payload: string; readonly bankBin: string; readonly accountNo: string; readonly accountName: string; readonly memo: string };
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly providerTransactionId?: string;
  readonly completedAt?: string;
  readonly failureReason?: string;
  /** Money the provider reports taken that must be reviewed for refund, with why. */
  readonly refundReview?: { readonly reason: string; readonly at: string };
  readonly version: number;
}

/**
 * Whether a provider's transaction number identifies money taken, so that it may claim the unique
 * (provider, transaction) key that stops replays. VNPay sends `vnp_TransactionNo=0` on every cancel;
 * "0" or empty identifies nothing and must never collide across payments.
 */
export function isProviderTransactionId(id: string | undefined): id is string {
  return id !== undefined && id.trim() !== '' && !/^0+$/.test(id.trim());
}

/**
 * The largest amount in VND each provider can carry: vnp_Amount is VND × 100 in at most 12 digits;
 * the VietQR (EMVCo tag 54) amount is at most 13 characters.
 */
export const MaxProviderAmount: Readonly<Record<PaymentProviderName, number>> = {
  vnpay: 9_999_999_999,
  vietqr: 9_999_999_999_999,
};

export class NothingDueError extends ConflictError {
  override readonly code = 'NOTHING_DUE';
}

export class NotAwaitingPaymentError extends ConflictError {
  override readonly code = 'NOT_AWAITING_PAYMENT';
}
