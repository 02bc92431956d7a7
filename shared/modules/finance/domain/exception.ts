import { ConflictError, InvalidInputError } from '../../../platform/kernel/errors';

/**
 * Money needing a person's attention. Each kind names where it came from; its id is derived from its
 * source (payment, bank transaction, reconciliation line), so raising it again is a no-op.
 */
export const EXCEPTION_KINDS = ['amount_mismatch', 'second_success', 'late_success', 'unmatched_transfer', 'reconciliation_difference'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

export const EXCEPTION_STATUSES = ['open', 'resolved'] as const;
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];

export const RESOLUTION_KINDS = ['refund', 'manual_match', 'note'] as const;
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];

/**
 * Money whose agency is not known yet (a transfer that matches no payment): visible to every agency
 * officer until one matches it to a dossier of their own.
 */
export const UNASSIGNED_AGENCY = 'UNASSIGNED';

export interface Resolution {
  readonly kind: ResolutionKind;
  readonly by: string;
  readonly at: string;
  readonly note: string;
  readonly refundId?: string;
  readonly dossierNo?: string;
}

export interface FinanceException {
  readonly exceptionId: string;
  readonly kind: ExceptionKind;
  readonly status: ExceptionStatus;
  readonly agencyCode: string;
  readonly provider: string;
  readonly amount: number;
  readonly reason: string;
  readonly openedAt: string;
  readonly paymentId?: string;
  /** The dossier the money is about (for a basket's money, the first of {@link dossierNos}). */
  readonly dossierNo?: string;
  /**
   * Every dossier the money is about, when it is a basket's money that is none of its dossiers'
   * own (a wrong amount, a second transaction): the one exception shows open on each of them.
   */
  readonly dossierNos?: readonly string[];
  /** The provider's reference or transaction as it reached us. */
  readonly reference?: string;
  /** The provider's transaction that moved the money, when known. */
  readonly transactionId?: string;
  /** The book entry the money was booked as when the exception was raised (a refund or a match follows it). */
  readonly entryId?: string;
  /** The notification or file line as received (unmatched transfers, reconciliation lines); never logged. */
  readonly raw?: Readonly<Record<string, unknown>>;
  readonly resolution?: Resolution;
  readonly version: number;
}

/** The dossiers an exception shows on (each counts it open while it is): its links, and the dossier a match gave it. */
export function dossiersOf(exception: Pick<FinanceException, 'dossierNo' | 'dossierNos'>): string[] {
  return [...new Set([...(exception.dossierNos ?? []), ...(exception.dossierNo ? [exception.dossierNo] : [])])];
}

/** Ids derived from the source: the same money raised twice is one exception. */
export const ExceptionIds = {
  ofPayment: (kind: ExceptionKind, paymentId: string) => `exc_${kind}_${paymentId}`,
  /** A second transaction under a payment already settled by another (a second transfer with the same reference). */
  ofTransaction: (kind: ExceptionKind, paymentId: string, transactionId: string) => `exc_${kind}_${paymentId}_${transactionId}`,
  ofTransfer: (provider: string, transactionId: string) => `exc_unmatched_transfer_${provider}_${transactionId}`,
  ofReconciliation: (provider: string, day: string, key: string) => `exc_reconciliation_${provider}_${day}_${key}`,
} as const;

export class ExceptionAlreadyResolvedError extends ConflictError {
  override readonly code = 'EXCEPTION_ALREADY_RESOLVED';
}

/** Which resolutions fit which money: a refund needs a payment to refund, a match needs money without a dossier. */
export function resolutionProblem(exception: FinanceException, kind: ResolutionKind): string | undefined {
  if (kind === 'refund' && !exception.paymentId) return 'this money has no payment to refund through; match it or add a note';
  if (kind === 'manual_match' && exception.kind !== 'unmatched_transfer' && exception.kind !== 'reconciliation_difference') {
    return 'only money without a dossier can be matched to one';
  }
  return undefined;
}

export function resolve(exception: FinanceException, resolution: Resolution): FinanceException {
  if (exception.status !== 'open') throw new ExceptionAlreadyResolvedError(`Exception ${exception.exceptionId} is already resolved`);
  const problem = resolutionProblem(exception, resolution.kind);
  if (problem) throw new InvalidInputError(problem, { details: [{ path: 'kind', message: problem }] });
  return {
    ...exception,
    status: 'resolved',
    resolution,
    ...(resolution.dossierNo ? { dossierNo: resolution.dossierNo } : {}),
    version: exception.version + 1,
  };
}
