import { BusinessRuleError, ConflictError } from '../errors';

export const PaymentStatuses = {
  pending: { terminal: false },
  succeeded: { terminal: true },
  failed: { terminal: true },
  expired: { terminal: false },
  cancelled: { terminal: true },
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
 * The only moves of a payment. `expired → succeeded` is the one named bypass: the provider took the
 * money after our expiry (reconciliation or a late callback), so it must be recorded; whether the
 * dossier still wants it is the dossier's decision.
 */
export const PaymentTransitions: readonly PaymentTransition[] = [
  { from: 'pending', to: 'succeeded', on: 'ProviderConfirmedSuccess' },
  { from: 'pending', to: 'failed', on: 'ProviderReportedFailure' },
  { from: 'pending', to: 'cancelled', on: 'CustomerCancelled' },
  { from: 'pending', to: 'expired', on: 'ExpiredUnpaid' },
  { from: 'expired', to: 'succeeded', on: 'LateSuccess' },
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

export class NothingDueError extends ConflictError {
  override readonly code = 'NOTHING_DUE';
}

export class NotAwaitingPaymentError extends ConflictError {
  override readonly code = 'NOT_AWAITING_PAYMENT';
}
