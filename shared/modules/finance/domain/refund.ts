import { StateMachine, type Edge } from '../../../platform/kernel/state-machine';
import { BusinessRuleError, ConflictError } from '../../../platform/kernel/errors';
import type { FeeParts } from './allocation';

/**
 * A refund of money a payment took: its own lifecycle, recorded before the provider is called
 * (requested → submitted → outcome), so a crash between the call and its answer leaves a submitted
 * refund that is queried, never sent twice.
 */
export const REFUND_STATUSES = ['requested', 'submitted', 'refunded', 'failed', 'not_refundable'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export const REFUND_CAUSES = [
  'SentToProvider',
  'ProviderProcessing',
  'ProviderRefunded',
  'ProviderRefused',
  'OriginalNotSuccessful',
  'ManualTransferConfirmed',
] as const;
export type RefundCause = (typeof REFUND_CAUSES)[number];

/** Statuses whose amount still counts against what was paid: only a refusal gives it back. */
export const RefundStatuses = {
  requested: { holdsAmount: true, final: false },
  submitted: { holdsAmount: true, final: false },
  refunded: { holdsAmount: true, final: true },
  failed: { holdsAmount: false, final: true },
  not_refundable: { holdsAmount: false, final: true },
} as const satisfies Record<RefundStatus, { holdsAmount: boolean; final: boolean }>;

export const RefundTransitions: readonly Edge<RefundStatus, RefundCause>[] = [
  { from: 'requested', to: 'submitted', on: 'SentToProvider' },
  // VNPay 94 ("a refund is already being processed") or any unverified answer: stay, query later, never resend.
  { from: 'submitted', to: 'submitted', on: 'ProviderProcessing' },
  { from: 'submitted', to: 'refunded', on: 'ProviderRefunded' },
  { from: 'submitted', to: 'failed', on: 'ProviderRefused' },
  // VNPay 95: the original transaction did not succeed at the gateway, so nothing can be refunded.
  { from: 'submitted', to: 'not_refundable', on: 'OriginalNotSuccessful' },
  // A provider without a refund API (bank transfer): an officer transfers and records it.
  { from: 'requested', to: 'refunded', on: 'ManualTransferConfirmed' },
];

export const RefundMachine = new StateMachine(REFUND_STATUSES, RefundTransitions, { name: 'refund', errorCode: 'INVALID_REFUND_TRANSITION' });

/** How the money goes back: through the provider's refund API, or by an officer's bank transfer. */
export type RefundMethod = 'provider' | 'manual';

/** The citizen's account a manual refund is sent to, and who sent it. Personal data: never logged. */
export interface ManualRefundRecord {
  readonly bankName: string;
  readonly accountNo: string;
  readonly accountName: string;
  readonly officer: string;
  readonly transferReference: string;
  readonly confirmedAt: string;
}

export interface Refund {
  readonly refundId: string;
  readonly paymentId: string;
  readonly dossierNo: string;
  readonly agencyCode: string;
  readonly provider: string;
  readonly amount: number;
  /** VNPay 02 (the whole payment) or 03 (a part). */
  readonly scope: 'full' | 'partial';
  readonly reason: string;
  readonly method: RefundMethod;
  readonly status: RefundStatus;
  readonly requestedAt: string;
  readonly requestedBy: string;
  /** The vnp_RequestId of the one submission (unique per day); kept so a query names the same request. */
  readonly providerRequestId?: string;
  readonly submittedAt?: string;
  readonly completedAt?: string;
  readonly providerCode?: string;
  readonly manual?: ManualRefundRecord;
  /** The exception this refund resolves, if it was started from the queue. */
  readonly exceptionId?: string;
  /**
   * Money taken beside the payment's own amount (a transfer of the wrong amount, a second transfer
   * under the same reference), which the exception holds: refunded from that money, not the payment's.
   * Absent: the payment's own money.
   */
  readonly extraMoney?: ExtraMoney;
  /**
   * The dossier whose share of a payment of several dossiers (a basket) this refund gives back: each
   * share is its own money, booked per dossier. Absent: a payment of one dossier.
   */
  readonly share?: { readonly dossierNo: string; readonly amount: number };
  /** How the refunded money splits by fee kind (set when it reaches `refunded`; see allocateRefund). */
  readonly byFeeKind?: FeeParts;
  readonly version: number;
}

/** Money an exception holds beside its payment's amount: what a refund of it may give back, and where it was booked. */
export interface ExtraMoney {
  readonly exceptionId: string;
  readonly amount: number;
  /** The book entry the money came in as. */
  readonly entryId: string;
  /** The provider's transaction that took it (VNPay refunds name it). */
  readonly transactionId?: string;
}

/**
 * The book entry of a payment's own money (written by the finance reaction once the payment
 * succeeded); for a payment of several dossiers, of one dossier's share.
 */
export const paymentEntryId = (paymentId: string, dossierNo?: string) => (dossierNo === undefined ? `col_${paymentId}` : `col_${paymentId}_${dossierNo}`);

/** Which money of its payment a refund draws on: the payment's own (undefined), an exception's, or a dossier's share. */
export function moneyKey(refund: Pick<Refund, 'extraMoney' | 'share'>): string | undefined {
  return refund.extraMoney?.exceptionId ?? (refund.share ? `dossier#${refund.share.dossierNo}` : undefined);
}

/** The refunds that draw on the same money as `refund`: the payment's own, the same exception's, or the same dossier's share. */
export function sameMoney(refund: Pick<Refund, 'extraMoney' | 'share'>): (other: Pick<Refund, 'extraMoney' | 'share'>) => boolean {
  return (other) => moneyKey(other) === moneyKey(refund);
}

/** What a payment has left to refund, given its refunds so far. */
export function refundable(paid: number, refunds: readonly Pick<Refund, 'amount' | 'status'>[]): number {
  return paid - refunds.filter((r) => RefundStatuses[r.status].holdsAmount).reduce((sum, r) => sum + r.amount, 0);
}

/** 02 only for the whole payment at once; anything after a first refund is a part (03). */
export function refundScope(paid: number, amount: number, alreadyHeld: number): 'full' | 'partial' {
  return amount === paid && alreadyHeld === 0 ? 'full' : 'partial';
}

export class RefundExceedsPaymentError extends ConflictError {
  override readonly code = 'REFUND_EXCEEDS_PAYMENT';
  constructor(readonly remaining: number) {
    super(`The refunds of this payment would exceed what was paid; at most ${remaining} VND remains refundable`, {
      details: [{ path: 'amount', message: `at most ${remaining}` }],
    });
  }
}

export class PaymentNotRefundableError extends BusinessRuleError {
  override readonly code = 'PAYMENT_NOT_REFUNDABLE';
}

/** The money's book entry is not written yet (the payment succeeded a moment ago): asked again shortly, it goes through. */
export class MoneyNotBookedYetError extends ConflictError {
  override readonly code = 'MONEY_NOT_BOOKED_YET';
}
