import { StateMachine, type Edge } from '../../../platform/kernel/state-machine';

/**
 * An e-receipt (biên lai điện tử) for phí or lệ phí. "fee" = phí, "charge" = lệ phí (the fees
 * module's words); "combined" is one receipt for both, when an agency is configured so. Postage is
 * not a fee or charge owed to the state and never gets a receipt.
 */
export const RECEIPT_KINDS = ['fee', 'charge', 'combined'] as const;
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];

/** Separate receipts for phí and lệ phí (the provincial systems' default), or one for both. */
export const RECEIPT_MODES = ['separate', 'combined'] as const;
export type ReceiptMode = (typeof RECEIPT_MODES)[number];

/** An original receipt, or one that adjusts an earlier one after a refund (never a deletion). */
export const RECEIPT_PURPOSES = ['original', 'adjustment'] as const;
export type ReceiptPurpose = (typeof RECEIPT_PURPOSES)[number];

/**
 * Intent is recorded before the provider is called: a receipt is `reserved` (numbered, its fkey
 * saved) in the write that takes its number, and the provider is called right after. Any later
 * attempt (a redelivery after a crash or a lost answer) asks the provider by fkey first.
 * `submitted` is only found on receipts written before issue 11, when the intent took a write of
 * its own (reserved → submitted) before the call; they finish the same way.
 */
export const ReceiptStatuses = { RESERVED: 'reserved', SUBMITTED: 'submitted', ISSUED: 'issued', FAILED: 'failed' } as const;
export const RECEIPT_STATUSES = [ReceiptStatuses.RESERVED, ReceiptStatuses.SUBMITTED, ReceiptStatuses.ISSUED, ReceiptStatuses.FAILED] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

export const RECEIPT_CAUSES = ['Issued', 'AlreadyIssued', 'FoundByKey', 'Refused'] as const;
export type ReceiptCause = (typeof RECEIPT_CAUSES)[number];

/** From a reserved receipt (or a submitted one of before issue 11) to the provider's outcome. */
const edges: readonly Edge<ReceiptStatus, ReceiptCause>[] = (['reserved', 'submitted'] as const).flatMap((from): Edge<ReceiptStatus, ReceiptCause>[] => [
  { from, to: 'issued', on: 'Issued' },
  // ERR:13: the provider already has our fkey (an earlier call whose reply we lost); we fetch it.
  { from, to: 'issued', on: 'AlreadyIssued' },
  // After a timeout, or on any attempt but the first: the provider is asked by our fkey before anything is sent again.
  { from, to: 'issued', on: 'FoundByKey' },
  // Refused for good (bad data, pattern/serial mismatch): the number stays, with this state.
  { from, to: 'failed', on: 'Refused' },
]);

export const ReceiptMachine = new StateMachine<ReceiptStatus, ReceiptCause>(RECEIPT_STATUSES, edges, { name: 'receipt' });

/** What a receipt adjusts: the legal identity of the original. */
export interface ReceiptRef {
  readonly receiptId: string;
  readonly template: string;
  readonly series: string;
  readonly receiptNo: string;
  readonly receiptDate: string;
  /** The original's fkey: the provider's adjust call names the receipt it adjusts by it. */
  readonly fkey: string;
}

export interface ReceiptLine {
  readonly code: string;
  /** Vietnamese, as the receipt prints it. */
  readonly label: string;
  /** Integer đồng; negative on an adjustment that reduces. */
  readonly amount: number;
}

export interface Payer {
  readonly name: string;
  /** The 12-digit citizen id (số giấy tờ người nộp). */
  readonly idNumber: string;
}

/** A receipt before it has a number: what the use cases decide, the store numbers. */
export interface ReceiptDraft {
  /** Stable per purpose: `<dossierNo>.<kind>` or `<refundId>.adj.<kind>`, so a redelivery finds it. */
  readonly receiptId: string;
  /** Our idempotency key at the provider (VNPT `fkey`): random, saved before the first call. */
  readonly fkey: string;
  readonly dossierNo: string;
  readonly agencyCode: string;
  readonly agencyName: string;
  readonly kind: ReceiptKind;
  readonly purpose: ReceiptPurpose;
  readonly adjusts?: ReceiptRef;
  readonly payer: Payer;
  readonly lines: readonly ReceiptLine[];
  readonly amount: number;
  readonly amountInWords: string;
  readonly paymentId?: string;
  readonly refundId?: string;
}

export interface ReceiptFailure {
  readonly code: string;
  readonly message: string;
}

export interface Receipt extends ReceiptDraft {
  readonly template: string;
  readonly series: string;
  readonly year: number;
  readonly number: number;
  /** The number as printed, zero-padded (VNPT clients pad to 7 digits; at most 8 by law). */
  readonly receiptNo: string;
  /** The receipt's date, Viet Nam calendar (yyyy-mm-dd): the date of issue the law counts by. */
  readonly receiptDate: string;
  readonly status: ReceiptStatus;
  readonly reservedAt: string;
  readonly submittedAt?: string;
  readonly issuedAt?: string;
  readonly failure?: ReceiptFailure;
  readonly pdfUrl?: string;
  /** What the provider printed as the number, when it told us. */
  readonly providerNo?: string;
  readonly version: number;
}

/** The outcome of a provider call that moves a receipt: the state it reaches and what is recorded with it. */
export type ReceiptOutcome =
  | { readonly on: 'Issued' | 'AlreadyIssued' | 'FoundByKey'; readonly pdfUrl: string; readonly providerNo?: string }
  | { readonly on: 'Refused'; readonly failure: ReceiptFailure };

export function concluded(receipt: Receipt, outcome: ReceiptOutcome, now: Date): Receipt {
  if (outcome.on === 'Refused') {
    ReceiptMachine.assert(receipt.status, 'failed', outcome.on);
    return { ...receipt, status: 'failed', failure: outcome.failure };
  }
  ReceiptMachine.assert(receipt.status, 'issued', outcome.on);
  return { ...receipt, status: 'issued', issuedAt: now.toISOString(), pdfUrl: outcome.pdfUrl, ...(outcome.providerNo ? { providerNo: outcome.providerNo } : {}) };
}

export function isFinal(receipt: Pick<Receipt, 'status'>): boolean {
  return ReceiptMachine.terminalStatuses().includes(receipt.status);
}
