import type { IdempotencyBegin, Payment, RefundAnswer, RefundRequestOf } from '../payments';
import type { RefundForReceipts } from '../receipts';
import type { BookEntry } from './domain/book';
import type { FinanceException } from './domain/exception';
import type { Refund } from './domain/refund';

/** What finance reads of payments: a payment, by id or by its reference at the provider. */
export interface PaymentReader {
  get(paymentId: string): Promise<Payment | undefined>;
  findByProviderRef(provider: Payment['provider'], ref: string): Promise<Payment | undefined>;
}

/** A provider's refund API (VNPay); providers without one are refunded by hand and confirmed. */
export interface RefundGateway {
  submit(payment: Payment, refund: RefundRequestOf): Promise<RefundAnswer>;
  query(payment: Payment, refund: RefundRequestOf): Promise<RefundAnswer>;
}
export type RefundGateways = Readonly<Partial<Record<string, RefundGateway>>>;

/** Idempotency-Key records (the payments module's, reused). */
export interface IdempotencyRecords {
  begin(scope: string, key: string, requestHash: string): Promise<IdempotencyBegin>;
  complete(scope: string, key: string, statusCode: number, body: unknown): Promise<void>;
  abandon(scope: string, key: string): Promise<void>;
}

/**
 * The receipts module's message for a refund paid out: its adjusting e-receipts (issue 15: a refund
 * produces an adjusting receipt, never a deletion). The consumer is idempotent per refund id.
 */
export interface AdjustingReceiptRequest {
  readonly dossierNo: string;
  readonly refund: RefundForReceipts;
}

/** Queues an adjusting-receipt request (the receipt-issuance queue). */
export type AdjustingReceiptRequests = (request: AdjustingReceiptRequest) => Promise<void>;

export interface RefundChange {
  readonly before: Refund;
  readonly after: Refund;
  /** Written with the change: a refund that reached `refunded` books its money out. */
  readonly book?: BookEntry;
  /**
   * With `book`: the total already refunded from the same money when the split by fee kind was
   * decided. The write is refused (a conflict, retried) if another refund of that money completed
   * meanwhile, so concurrent refunds never give back more of one fee kind than it took.
   */
  readonly refundedBefore?: number;
  /** Kept with the change until sent (an outbox row): the adjusting receipts of a refund that reached `refunded`. */
  readonly receiptRequest?: AdjustingReceiptRequest;
  /** Resolved in the same transaction (a refund started from the exceptions queue). */
  readonly resolves?: { readonly before: FinanceException; readonly after: FinanceException };
}

/** A manual match gives money its agency and dossier: the entry moves in the book with the resolution. */
export interface EntryMove {
  readonly from: BookEntry;
  readonly to: BookEntry;
}

/** An adjusting-receipt request written with its refund and not yet handed to the queue. */
export interface DueReceiptRequest {
  readonly refundId: string;
  readonly dueSince: string;
  readonly request: AdjustingReceiptRequest;
}

export interface FinanceStore {
  /**
   * Records a new refund and holds its amount against the payment's paid amount in one conditional
   * write: refused with RefundExceedsPaymentError when the refunds held would exceed `paid`.
   */
  createRefund(refund: Refund, paid: number): Promise<void>;
  /** Conditional on the refund's version; releases the held amount when it ends failed or not refundable. */
  changeRefund(change: RefundChange): Promise<void>;
  getRefund(paymentId: string, refundId: string): Promise<Refund | undefined>;
  refundsOf(paymentId: string): Promise<readonly Refund[]>;
  /** Refunds requested or submitted (the query job's work), optionally of one agency. */
  pendingRefunds(agencyCode?: string): Promise<readonly Refund[]>;

  /** Opens an exception unless one with its id exists (raising is idempotent); books money with it when given. */
  openException(exception: FinanceException, book?: BookEntry): Promise<boolean>;
  getException(exceptionId: string): Promise<FinanceException | undefined>;
  /** Conditional on the version read; the audit entry (and a matched entry's move) is written with it. */
  resolveException(before: FinanceException, after: FinanceException, move?: EntryMove): Promise<void>;
  exceptions(agencyCode: string, status: FinanceException['status']): Promise<readonly FinanceException[]>;
  /** How many exceptions about one dossier are still open (0 when none). */
  countOpenForDossier(dossierNo: string): Promise<number>;

  /** Writes a book entry once (by its id). */
  book(entry: BookEntry): Promise<boolean>;
  /** One entry by its id (as last written: a matched entry where it moved). */
  bookEntry(entryId: string): Promise<BookEntry | undefined>;
  /** Entries of one agency whose money moved on a Viet Nam date. */
  bookOfAgency(agencyCode: string, date: string): Promise<readonly BookEntry[]>;
  /** Collections a provider books on a Viet Nam date. */
  bookOfProvider(provider: string, bookDate: string): Promise<readonly BookEntry[]>;

  /** Keeps a reconciliation run (file hash, counts, result file); one per provider, day and file: the first is kept. */
  saveReconciliation(run: ReconciliationRun): Promise<boolean>;
  /** Whether a provider's day has been reconciled (with any file). */
  reconciled(provider: string, day: string): Promise<boolean>;

  /** Adjusting-receipt requests due since before `before` and not yet sent, oldest first. */
  dueReceiptRequests(before: Date, limit: number): Promise<readonly DueReceiptRequest[]>;
  /** The request of this refund reached the queue: no longer due. */
  receiptRequestSent(refundId: string): Promise<void>;
}

/** A provider's day-T settlement file as delivered, and where it was read (for the run's record and the operator). */
export interface SettlementFile {
  readonly text: string;
  readonly location: string;
}

/**
 * Where the providers' day-T settlement files are delivered: an S3 bucket in AWS (VNPay's e-mail or
 * SFTP delivery, and the bank's statement export, put there under a key per provider and date), the
 * sandbox bank locally. Undefined while a day's file has not arrived.
 */
export interface SettlementFiles {
  /** Whether this source is where the provider's files are delivered (a provider it does not cover is not awaited). */
  covers(provider: string): boolean;
  read(provider: string, day: string): Promise<SettlementFile | undefined>;
}

export interface ReconciliationRun {
  readonly provider: string;
  readonly day: string;
  readonly fileHash: string;
  readonly at: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly matchedTotal: number;
  readonly resultFile: string;
  readonly exceptionsOpened: number;
}
