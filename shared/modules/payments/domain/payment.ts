import { StateMachine, type Edge } from '../../../platform/kernel/state-machine';
import { ConflictError } from '../../../platform/kernel/errors';
import type { PaymentShare } from './basket';

/**
 * The payment providers we speak to: the vocabulary the schemas, the ledger and the stored payments
 * use. Each name has one adapter folder under providers/ and one line in providers/registry.ts.
 */
export const PAYMENT_PROVIDERS = ['vnpay', 'vietqr', 'national_platform'] as const;
export type PaymentProviderName = (typeof PAYMENT_PROVIDERS)[number];

export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'expired', 'cancelled'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

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
} as const satisfies Record<PaymentStatus, { final: boolean; terminal: boolean }>;

export const PAYMENT_CAUSES = ['ProviderConfirmedSuccess', 'ProviderReportedFailure', 'CustomerCancelled', 'ExpiredUnpaid', 'LateSuccess'] as const;
export type PaymentCause = (typeof PAYMENT_CAUSES)[number];

export type PaymentTransition = Edge<PaymentStatus, PaymentCause>;

/**
 * Why LateSuccess exists: the provider verifiably took the money after we had recorded an expiry, a
 * failure or a cancel (a late or out-of-order callback, or reconciliation), so it must be recorded as
 * paid and sent to the dossier; whether the dossier still wants it (it applies it while awaiting
 * payment, else keeps it for refund review) is the dossier's decision, as for any second payment.
 */
const LATE_SUCCESS = 'the provider took the money after we recorded the attempt as over; it is recorded as paid and the dossier decides';

/** The only moves of a payment. `LateSuccess` is the one named bypass, out of every final non-success status. */
export const PaymentTransitions: readonly PaymentTransition[] = [
  { from: 'pending', to: 'succeeded', on: 'ProviderConfirmedSuccess' },
  { from: 'pending', to: 'failed', on: 'ProviderReportedFailure' },
  { from: 'pending', to: 'cancelled', on: 'CustomerCancelled' },
  { from: 'pending', to: 'expired', on: 'ExpiredUnpaid' },
  { from: 'expired', to: 'succeeded', on: 'LateSuccess', bypass: LATE_SUCCESS },
  { from: 'failed', to: 'succeeded', on: 'LateSuccess', bypass: LATE_SUCCESS },
  { from: 'cancelled', to: 'succeeded', on: 'LateSuccess', bypass: LATE_SUCCESS },
];

/** The one guard of every payment state change; a refused move is a 422 INVALID_PAYMENT_TRANSITION. */
export const PaymentMachine = new StateMachine(PAYMENT_STATUSES, PaymentTransitions, { name: 'payment', errorCode: 'INVALID_PAYMENT_TRANSITION' });

/** What a provider can report of a payment, normalised. */
export type ReportedOutcome = 'succeeded' | 'failed' | 'cancelled' | 'expired';

const FAILURE_CAUSES: Record<Exclude<ReportedOutcome, 'succeeded'>, PaymentCause> = {
  failed: 'ProviderReportedFailure',
  cancelled: 'CustomerCancelled',
  expired: 'ExpiredUnpaid',
};

/**
 * The cause a provider's report stands for, given where the payment is: money taken while the
 * payment is recorded as over is the LateSuccess bypass, never an ordinary success.
 */
export function causeOfReport(outcome: ReportedOutcome, from: PaymentStatus): PaymentCause {
  if (outcome !== 'succeeded') return FAILURE_CAUSES[outcome];
  return PaymentMachine.accepts(from, 'LateSuccess') ? 'LateSuccess' : 'ProviderConfirmedSuccess';
}

/** What a citizen scans to pay by bank transfer (VietQR). */
export interface PaymentQr {
  readonly payload: string;
  readonly bankBin: string;
  readonly accountNo: string;
  readonly accountName: string;
  readonly memo: string;
}

/** A payment as stored. Amounts are integer VND; ×100 exists only inside the VNPay adapter. */
export interface Payment {
  readonly paymentId: string;
  /** The dossier paid; for a payment of several dossiers (a basket), the first of {@link shares}. */
  readonly dossierNo: string;
  /**
   * What of the amount pays which dossier, by fee kind (one share for a single dossier, one per
   * dossier of a basket). Absent on payments stored before baskets: see {@link sharesOf}.
   */
  readonly shares?: readonly PaymentShare[];
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
  readonly qr?: PaymentQr;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly providerTransactionId?: string;
  readonly completedAt?: string;
  readonly failureReason?: string;
  /** Money the provider reports taken that must be reviewed for refund, with why. */
  readonly refundReview?: { readonly reason: string; readonly at: string };
  /**
   * When the expiry job next asks the provider about this still pending payment, when its provider
   * asks again on a schedule (domain/query-schedule.ts); unset: at its expiry, then at every run.
   */
  readonly queryDueAt?: string;
  readonly version: number;
}

/** A payment's shares; one stored before shares existed pays its one dossier in full (fee kinds unknown). */
export function sharesOf(payment: Pick<Payment, 'dossierNo' | 'amount' | 'shares'>): readonly PaymentShare[] {
  return payment.shares ?? [{ dossierNo: payment.dossierNo, amount: payment.amount, byFeeKind: {} }];
}

/** The dossiers a payment pays, in the order they were asked for. */
export function dossierNosOf(payment: Pick<Payment, 'dossierNo' | 'amount' | 'shares'>): string[] {
  return sharesOf(payment).map((s) => s.dossierNo);
}

/**
 * The id of the event a settlement sends one dossier of the payment (`outcome` names it: succeeded,
 * failed, …). A payment of one dossier keeps the id it always had; a basket's events each carry their
 * dossier, because the dossier queue deduplicates ids across dossiers.
 */
export function settlementEventId(payment: Pick<Payment, 'paymentId' | 'dossierNo' | 'amount' | 'shares'>, outcome: string, dossierNo: string): string {
  const id = `payment-${outcome}-${payment.paymentId}`;
  return sharesOf(payment).length > 1 ? `${id}-${dossierNo}` : id;
}

/**
 * Whether a provider's transaction number identifies money taken, so that it may claim the unique
 * (provider, transaction) key that stops replays. VNPay sends `vnp_TransactionNo=0` on every cancel;
 * "0" or empty identifies nothing and must never collide across payments.
 */
export function isProviderTransactionId(id: string | undefined): id is string {
  return id !== undefined && id.trim() !== '' && !/^0+$/.test(id.trim());
}

export class NothingDueError extends ConflictError {
  override readonly code = 'NOTHING_DUE';
}

export class NotAwaitingPaymentError extends ConflictError {
  override readonly code = 'NOT_AWAITING_PAYMENT';
}
