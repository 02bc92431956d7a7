import type { Payment, PaymentProviderName } from './domain/payment';
import type { Dossier, DossierEvent } from '../dossiers';
import type { PendingQuerySchedule } from './domain/query-schedule';

/** One callback or decision, kept as received (append-only): the payment's ledger. */
export interface LedgerEntry {
  readonly paymentId?: string;
  readonly provider: PaymentProviderName;
  readonly kind: 'created' | 'callback' | 'reconciliation' | 'expiry';
  readonly outcome: string;
  readonly at: string;
  /** The provider's fields as received; never logged. */
  readonly received?: Readonly<Record<string, unknown>>;
}

export interface Settlement {
  readonly before: Payment;
  readonly after: Payment;
  readonly ledger: LedgerEntry;
  /** Dossier events to publish through the outbox in the same transaction. */
  readonly events: readonly DossierEvent[];
}

export type IdempotencyBegin =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly statusCode: number; readonly body: unknown }
  | { readonly kind: 'mismatch' }
  | { readonly kind: 'in_progress' };

export interface PaymentStore {
  get(paymentId: string): Promise<Payment | undefined>;
  /**
   * The payment with this provider reference. `paymentId`, when given, is the payment the caller
   * expects it to be (see paymentIdReference): a hint the store checks, never trusted.
   */
  findByProviderRef(provider: PaymentProviderName, ref: string, paymentId?: string): Promise<Payment | undefined>;
  /** The dossier's pending payment that has not expired, if any. */
  livePaymentOf(dossierNo: string, now: Date): Promise<Payment | undefined>;
  /** Creates the payment unless the dossier already has a live one, which is returned instead. */
  create(payment: Payment, ledger: LedgerEntry, now: Date): Promise<{ created: true } | { created: false; existing: Payment }>;
  /** Writes a payment's new state, its ledger entry and its dossier events, conditionally on its version. */
  settle(settlement: Settlement): Promise<void>;
  appendLedger(entry: LedgerEntry): Promise<void>;
  /** Up to `limit` pending payments due by `now`, oldest first, after `after` when given (paging). */
  pendingExpiredBy(now: Date, limit: number, after?: Payment): Promise<readonly Payment[]>;
  beginIdempotent(scope: string, key: string, requestHash: string): Promise<IdempotencyBegin>;
  completeIdempotent(scope: string, key: string, statusCode: number, body: unknown): Promise<void>;
  abandonIdempotent(scope: string, key: string): Promise<void>;
}

/**
 * Money a provider verifiably reports taken that settlement did not take as the payment's: a success
 * for another amount than the payment's (the payment is flagged for refund review), or a second
 * transaction under a payment already paid. Whichever path found it (a callback, a status query),
 * it goes to the one function that raises it in the finance exceptions queue, idempotently: the
 * provider's retries and a query that finds the same transaction raise nothing new.
 */
export interface UnclaimedMoney {
  readonly kind: 'amount_mismatch' | 'second_transaction';
  /** The payment the money came under, as settlement read it. */
  readonly payment: Payment;
  /** VND, as the provider reported it. */
  readonly amount: number;
  readonly transactionId?: string;
  /** UTC; the provider's own pay time when it gave one. */
  readonly paidAt?: string;
}

/** Raises unclaimed money in the finance exceptions queue (finance implements it; the app wires it). */
export type RaiseUnclaimedMoney = (money: UnclaimedMoney) => Promise<void>;

export interface ProviderStatus {
  /**
   * Verified answers only: `succeeded` (money taken) or `failed` (the provider says it is over unpaid).
   * `pending`: still in progress; `unknown`: no verified final answer (HTTP error, bad or missing
   * signature, a busy or unknown code), so ask again later; `not_queryable`: the provider has no status
   * query, so the payment expires on our clock and a later transfer is a late success.
   */
  readonly outcome: 'succeeded' | 'failed' | 'pending' | 'unknown' | 'not_queryable';
  readonly amount?: number;
  readonly transactionId?: string;
  readonly paidAt?: string;
  readonly received?: Readonly<Record<string, unknown>>;
}

/** A dossier a payment pays, as a provider may describe it to the payer (the platform's receipt information). */
export type PayableDossier = Pick<Dossier, 'dossierNo' | 'procedureCode' | 'agencyCode' | 'applicant' | 'fees' | 'extraCharges' | 'payments'>;

export interface StartContext {
  readonly ipAddr: string;
  readonly orderInfo: string;
  /** The dossiers the payment pays, in order, as read before it was created. */
  readonly dossiers: readonly PayableDossier[];
}

/** A payment provider: how a payment starts, and what the provider says of it now. */
export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /** The largest amount in VND the provider's wire format can carry. */
  readonly maxAmount: number;
  /** Our reference for a new payment at the provider (vnp_TxnRef, a transfer memo). */
  newReference(paymentId: string): string;
  start(payment: Payment, context: StartContext): Promise<Pick<Payment, 'redirectUrl' | 'qr'>>;
  query(payment: Payment): Promise<ProviderStatus>;
  /** How a payment without a final answer after its expiry is asked again; without one, at every run of the expiry job. */
  readonly pendingQuery?: PendingQuerySchedule;
}

/** The adapters of every registered provider, by name. */
export type PaymentProviders = Readonly<Record<PaymentProviderName, PaymentProvider>>;
