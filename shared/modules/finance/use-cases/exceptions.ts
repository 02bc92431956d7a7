import { ForbiddenError, InvalidInputError, NotFoundError } from '../../../platform/kernel/errors';
import type { Principal } from '../../../platform/http/principal';
import type { Clock } from '../../../platform/kernel/time';
import { withOptimisticRetry } from '../../../platform/dynamodb/optimistic';
import type { Dossier } from '../../dossiers';
import type { Payment } from '../../payments';
import { bookingDate, type BookEntry } from '../domain/book';
import { allocate, type AskedLine } from '../domain/allocation';
import { ExceptionIds, resolve, UNASSIGNED_AGENCY, type ExceptionKind, type FinanceException, type ResolutionKind } from '../domain/exception';
import type { EntryMove, FinanceStore } from '../ports';

export interface ExceptionDeps {
  readonly finance: FinanceStore;
  readonly dossiers: { get(dossierNo: string): Promise<Dossier | undefined> };
  readonly clock: Clock;
}

/** The fields an officer sees: the raw notification stays stored (audit), only its money fields are shown. */
export function exceptionView(e: FinanceException) {
  const { raw: _raw, version: _version, ...view } = e;
  return view;
}

function mayAct(principal: Principal, agencyCode: string): principal is Principal & { kind: 'agency' } {
  return principal.kind === 'agency' && (agencyCode === principal.agencyCode || agencyCode === UNASSIGNED_AGENCY);
}

export async function listExceptions(deps: Pick<ExceptionDeps, 'finance'>, principal: Principal, agencyCode: string, status: FinanceException['status']) {
  if (!mayAct(principal, agencyCode)) throw new ForbiddenError('An agency sees only its own exceptions (and unassigned money)');
  return { items: (await deps.finance.exceptions(agencyCode, status)).map(exceptionView) };
}

export interface ResolveBody {
  readonly kind: ResolutionKind;
  readonly note: string;
  readonly dossierNo?: string;
  readonly refundId?: string;
}

/**
 * Closes an exception with an audited resolution (who, when, how, why). A match names a dossier of
 * the officer's own agency, which then owns the money: its book entry moves to that agency and
 * dossier in the same write (still unallocated: no fee line of the dossier claims it until a payment
 * does). A refund is resolved by the refund itself once it is done (POST /refunds with the
 * exceptionId), so here it only links a refund already done.
 */
export async function resolveException(deps: ExceptionDeps, principal: Principal, exceptionId: string, body: ResolveBody) {
  return withOptimisticRetry(async () => {
    const before = await deps.finance.getException(exceptionId);
    if (!before || !mayAct(principal, before.agencyCode)) throw new NotFoundError('Unknown exception');
    if (body.kind === 'manual_match') {
      const dossier = body.dossierNo ? await deps.dossiers.get(body.dossierNo) : undefined;
      if (!dossier || dossier.agencyCode !== principal.agencyCode) {
        throw new InvalidInputError('Match to a dossier of your own agency', { details: [{ path: 'dossierNo', message: 'unknown dossier of this agency' }] });
      }
    }
    if (body.kind === 'refund' && !body.refundId) throw new InvalidInputError('A refund resolution names the refund', { details: [{ path: 'refundId', message: 'required' }] });
    const after = resolve(before, {
      kind: body.kind, by: `agency:${principal.agencyCode}`, at: deps.clock.now().toISOString(), note: body.note,
      ...(body.dossierNo ? { dossierNo: body.dossierNo } : {}), ...(body.refundId ? { refundId: body.refundId } : {}),
    });
    const owned = body.kind === 'manual_match' ? { ...after, agencyCode: principal.agencyCode } : after;
    const move = body.kind === 'manual_match' ? await matchedEntry(deps.finance, before, owned) : undefined;
    await deps.finance.resolveException(before, owned, move);
    return exceptionView(owned);
  });
}

/** Money without an agency (an unmatched transfer) gets the matching officer's agency and dossier in the book. */
async function matchedEntry(finance: FinanceStore, before: FinanceException, after: FinanceException): Promise<EntryMove | undefined> {
  const from = before.entryId ? await finance.bookEntry(before.entryId) : undefined;
  if (!from || from.agencyCode === after.agencyCode) return undefined;
  return { from, to: { ...from, agencyCode: after.agencyCode, ...(after.dossierNo ? { dossierNo: after.dossierNo } : {}) } };
}

/** What a dossier asks money for, as the book splits it: its phí and lệ phí items as assessed, then postage. */
function askedLines(dossier: Dossier): AskedLine[] {
  const items = dossier.fees.items.flatMap((i): AskedLine[] => (i.kind === 'fee' || i.kind === 'charge' || i.kind === 'postage' ? [{ kind: i.kind, amount: i.amount }] : []));
  return [...items, { kind: 'postage', amount: dossier.extraCharges }];
}

/** What the dossier's kept payments recorded before this one already covered (a later postage payment is postage). */
function coveredBefore(dossier: Dossier, paymentId: string): number {
  let covered = 0;
  for (const p of dossier.payments) {
    if (p.paymentId === paymentId) break;
    if (p.status === 'succeeded' && !p.refundReview) covered += p.amount;
  }
  return covered;
}

/** The book entry of money a payment took for a dossier: split over what that dossier asked for, when known. */
export function collectionEntry(payment: Payment, at: Date, amount: number, dossier: Dossier | undefined, transactionId?: string, entryId = `col_${payment.paymentId}`): BookEntry {
  return {
    entryId, kind: 'collection', provider: payment.provider, agencyCode: payment.agencyCode, reference: payment.providerRef,
    ...(transactionId ? { transactionId } : {}), paymentId: payment.paymentId, dossierNo: dossier?.dossierNo ?? payment.dossierNo, amount, at: at.toISOString(),
    bookDate: bookingDate(payment.provider, at), byFeeKind: dossier ? allocate(amount, askedLines(dossier), coveredBefore(dossier, payment.paymentId)) : { unallocated: amount },
  };
}

/** Where a payment exception's money is booked, its id, and the dossiers it shows on. */
export interface PaymentExceptionOptions {
  /** The money, booked with the exception in the same write (its entry is remembered). */
  readonly book?: BookEntry;
  /** By kind and payment unless given (by transaction for a second transaction of one payment). */
  readonly exceptionId?: string;
  /** The dossiers it shows on; the payment's `dossierNo` alone unless given (a basket's money: all of them). */
  readonly dossierNos?: readonly string[];
}

/**
 * Raises an exception about a payment's money (idempotent by kind and payment, or by transaction
 * for a second transaction of one payment), booking that money with it and remembering its entry.
 */
export async function raisePaymentException(
  deps: Pick<ExceptionDeps, 'finance' | 'clock'>,
  kind: Exclude<ExceptionKind, 'unmatched_transfer' | 'reconciliation_difference'>,
  payment: Payment,
  amount: number,
  reason: string,
  { book, exceptionId = ExceptionIds.ofPayment(kind, payment.paymentId), dossierNos }: PaymentExceptionOptions = {},
): Promise<boolean> {
  const exception: FinanceException = {
    exceptionId, kind, status: 'open', agencyCode: payment.agencyCode, provider: payment.provider,
    amount, reason, openedAt: deps.clock.now().toISOString(), paymentId: payment.paymentId, dossierNo: payment.dossierNo,
    ...(dossierNos && dossierNos.length > 1 ? { dossierNos: [...dossierNos] } : {}), reference: payment.providerRef,
    ...(book?.transactionId ? { transactionId: book.transactionId } : {}), entryId: book?.entryId ?? `col_${payment.paymentId}`, version: 0,
  };
  return deps.finance.openException(exception, book);
}

/** A bank transfer that matches no payment: kept with its notification, booked as unallocated money of no agency yet. */
export async function raiseUnmatchedTransfer(
  deps: Pick<ExceptionDeps, 'finance' | 'clock'>,
  transfer: { reference: string; amount: number; transactionId: string; paidAt: string } & Record<string, unknown>,
): Promise<boolean> {
  const provider = 'vietqr';
  const at = new Date(transfer.paidAt);
  const exceptionId = ExceptionIds.ofTransfer(provider, transfer.transactionId);
  const entryId = `col_unmatched_${provider}_${transfer.transactionId}`;
  const exception: FinanceException = {
    exceptionId, kind: 'unmatched_transfer', status: 'open', agencyCode: UNASSIGNED_AGENCY, provider, amount: transfer.amount,
    reason: 'a transfer whose reference matches no payment', openedAt: deps.clock.now().toISOString(), reference: transfer.reference,
    transactionId: transfer.transactionId, entryId, raw: transfer, version: 0,
  };
  const entry: BookEntry = {
    entryId, kind: 'collection', provider, agencyCode: UNASSIGNED_AGENCY, reference: transfer.reference,
    transactionId: transfer.transactionId, amount: transfer.amount, at: at.toISOString(), bookDate: bookingDate(provider, at), byFeeKind: { unallocated: transfer.amount },
  };
  return deps.finance.openException(exception, entry);
}
