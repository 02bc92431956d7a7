import type { DailySummary } from './domain/summary';
import type { NumberingScope } from './domain/numbering';
import type { Receipt, ReceiptDraft } from './domain/receipt';

/** Storage of receipts and their numbering. Every write is conditional. */
export interface ReceiptStore {
  ofDossier(dossierNo: string): Promise<Receipt[]>;
  /**
   * Numbers the drafts in `scope` and writes them, with the counter, in one transaction: a number is
   * used by exactly one receipt and none is skipped. Throws {@link ReceiptsExistError} when one of
   * the drafts is already written (nothing is numbered then), RetryableWriteConflict when another
   * reservation moved the counter first.
   */
  reserve(drafts: readonly ReceiptDraft[], scope: NumberingScope, now: Date): Promise<Receipt[]>;
  /** Writes `next` if the stored receipt is still at `current.version` and returns it as stored (next version); RetryableWriteConflict otherwise. */
  save(current: Receipt, next: Receipt): Promise<Receipt>;
  /** Every receipt dated `date` (Viet Nam calendar) of the agency, whatever its state. */
  ofAgencyDay(agencyCode: string, date: string): Promise<Receipt[]>;
  /** Agencies that have receipts dated `date`. */
  agenciesOn(date: string): Promise<string[]>;
  summarySent(agencyCode: string, date: string): Promise<SummaryMark | undefined>;
  markSummarySent(mark: SummaryMark): Promise<void>;
}

/** A summary that went out: what it counted, so a later receipt of the same day sends it again. */
export interface SummaryMark {
  readonly agencyCode: string;
  readonly date: string;
  readonly rows: number;
  readonly issued: number;
  readonly total: number;
  readonly sentAt: string;
  readonly reference: string;
}

export class ReceiptsExistError extends Error {
  constructor(readonly receiptId: string) {
    super(`receipt ${receiptId} is already reserved`);
    this.name = 'ReceiptsExistError';
  }
}

/** What the provider is asked to issue: the receipt, numbered, with our fkey. */
export type ReceiptIssueRequest = Receipt;

/** A receipt the provider holds. */
export interface ProviderReceipt {
  readonly pdfUrl: string;
  readonly providerNo?: string;
}

export type IssueReply =
  | { readonly outcome: 'issued'; readonly receipt: ProviderReceipt }
  /** The provider already has this fkey (VNPT ERR:13): an earlier call went through. */
  | { readonly outcome: 'duplicate' }
  | { readonly outcome: 'refused'; readonly code: string; readonly message: string };

/** The e-receipt provider (VNPT, Viettel, …): one adapter each, in providers/<name>/. */
export interface ReceiptProvider {
  readonly name: string;
  issue(receipt: ReceiptIssueRequest): Promise<IssueReply>;
  /** The receipt issued under our fkey, if the provider has one. */
  findByKey(receipt: Receipt): Promise<ProviderReceipt | undefined>;
  /** Sends the day's summary to the tax authority through the provider; returns its reference. */
  sendSummary(summary: DailySummary, csv: string): Promise<string>;
}

/**
 * The provider could not be reached or did not answer in time: retried with backoff. `maybeDone`
 * when the request may have arrived (a timeout after sending): the fkey is looked up before any
 * new attempt.
 */
export class ReceiptProviderUnavailableError extends Error {
  constructor(message: string, readonly maybeDone: boolean, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReceiptProviderUnavailableError';
  }
}
