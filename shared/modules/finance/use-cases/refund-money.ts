import { InvalidInputError } from '../../../platform/kernel/errors';
import type { Clock } from '../../../platform/kernel/time';
import { logger } from '../../../platform/observability/logger';
import { sharesOf, type Payment } from '../../payments';
import { allocateRefund, sumParts, type FeeParts } from '../domain/allocation';
import { ExceptionAlreadyResolvedError, type FinanceException } from '../domain/exception';
import { MoneyNotBookedYetError, PaymentNotRefundableError, paymentEntryId, sameMoney, type ExtraMoney, type Refund } from '../domain/refund';
import type { AdjustingReceiptRequest, AdjustingReceiptRequests, FinanceStore } from '../ports';

/** The money a new refund draws on: how much it holds, and whether it is the payment's own or an exception's. */
export interface MoneyToRefund {
  readonly paid: number;
  readonly entryId: string;
  readonly extraMoney?: ExtraMoney;
  /** A dossier's share of a payment of several dossiers: that dossier's own money. */
  readonly share?: { readonly dossierNo: string; readonly amount: number };
}

/**
 * The share of a payment a refund of its own money draws on: for a payment of several dossiers, the
 * named dossier's (a refund stays per dossier, as its receipts do); none for a payment of one dossier.
 */
function shareToRefund(payment: Payment, dossierNo: string | undefined): MoneyToRefund['share'] {
  const shares = sharesOf(payment);
  const named = dossierNo === undefined ? undefined : shares.find((s) => s.dossierNo === dossierNo);
  if (dossierNo !== undefined && !named) {
    throw new InvalidInputError(`Dossier ${dossierNo} is not paid by this payment`, { details: [{ path: 'dossierNo', message: `one of ${shares.map((s) => s.dossierNo).join(', ')}` }] });
  }
  if (shares.length === 1) return undefined;
  if (!named) throw new InvalidInputError('This payment paid several dossiers: name the dossier whose money is refunded', { details: [{ path: 'dossierNo', message: `required: one of ${shares.map((s) => s.dossierNo).join(', ')}` }] });
  return { dossierNo: named.dossierNo, amount: named.amount };
}

/**
 * Which money a refund gives back. Started from an exception about this payment, it is the money
 * that exception holds when that money came beside the payment's amount (a transfer of the wrong
 * amount, a second transfer under the same reference: the payment itself may still be pending);
 * otherwise the payment's own money, which only a succeeded payment has: for a payment of several
 * dossiers, the named dossier's share of it. The money must be in the book already, so that the
 * refund can be split by fee kind like the money that came in.
 */
export async function moneyToRefund(finance: FinanceStore, payment: Payment, exceptionId: string | undefined, dossierNo?: string): Promise<MoneyToRefund> {
  let exception: FinanceException | undefined;
  if (exceptionId !== undefined) {
    exception = await finance.getException(exceptionId);
    if (!exception || exception.paymentId !== payment.paymentId || exception.agencyCode !== payment.agencyCode) {
      throw new InvalidInputError('The exception is not about this payment', { details: [{ path: 'exceptionId', message: 'not an exception of this payment' }] });
    }
    if (exception.status !== 'open') throw new ExceptionAlreadyResolvedError(`Exception ${exception.exceptionId} is already resolved`);
  }
  // A refund from an exception about one dossier of a basket draws on that dossier's money.
  const share = shareToRefund(payment, dossierNo ?? (exception && sharesOf(payment).length > 1 ? exception.dossierNo : undefined));
  const own = paymentEntryId(payment.paymentId, share?.dossierNo);
  const money: MoneyToRefund =
    exception?.entryId && exception.entryId !== own
      ? {
          paid: exception.amount, entryId: exception.entryId,
          extraMoney: { exceptionId: exception.exceptionId, amount: exception.amount, entryId: exception.entryId, ...(exception.transactionId ? { transactionId: exception.transactionId } : {}) },
        }
      : share
        ? { paid: share.amount, entryId: own, share }
        : { paid: payment.amount, entryId: own };
  if (!money.extraMoney && payment.status !== 'succeeded') throw new PaymentNotRefundableError(`Only a succeeded payment can be refunded; this one is ${payment.status}`);
  if (!(await finance.bookEntry(money.entryId))) throw new MoneyNotBookedYetError('The money of this payment is being booked; ask again in a moment');
  return money;
}

/** The payment as the provider knows the money: money beside it was taken by its own transaction. */
export function providerView(payment: Payment, refund: Pick<Refund, 'extraMoney'>): Payment {
  return refund.extraMoney?.transactionId ? { ...payment, providerTransactionId: refund.extraMoney.transactionId } : payment;
}

export interface RefundSplit {
  readonly byFeeKind: FeeParts;
  /** What earlier refunds of the same money gave back: the store's guard against a concurrent completion. */
  readonly refundedBefore: number;
}

/**
 * How a refund reaching `refunded` splits by fee kind: over what its money was booked as, less what
 * earlier refunds of that money already gave back (see allocateRefund for the rule).
 */
export async function refundSplit(finance: FinanceStore, refund: Refund): Promise<RefundSplit> {
  const entryId = refund.extraMoney?.entryId ?? paymentEntryId(refund.paymentId, refund.share?.dossierNo);
  const [entry, refunds] = await Promise.all([finance.bookEntry(entryId), finance.refundsOf(refund.paymentId)]);
  const earlier = refunds.filter((r) => r.refundId !== refund.refundId && r.status === 'refunded' && sameMoney(refund)(r));
  const refundedBefore = earlier.reduce((sum, r) => sum + r.amount, 0);
  if (!entry) {
    // Checked when the refund was requested; only an entry written before the book kept entries by id.
    logger.error('refunded money has no book entry; booked unallocated', { refundId: refund.refundId });
    return { byFeeKind: { unallocated: refund.amount }, refundedBefore };
  }
  const refunded = sumParts(earlier.map((r) => r.byFeeKind ?? { unallocated: r.amount }));
  return { byFeeKind: allocateRefund(refund.amount, entry.byFeeKind, refunded), refundedBefore };
}

/**
 * The adjusting receipts a refund calls for: the phí and lệ phí it gives back (postage and money no
 * fee line claimed were never on a receipt). None when it gives back neither.
 */
export function adjustingReceiptRequest(refund: Pick<Refund, 'refundId' | 'dossierNo'>, byFeeKind: FeeParts): AdjustingReceiptRequest | undefined {
  const lines = (['fee', 'charge'] as const).flatMap((kind) => ((byFeeKind[kind] ?? 0) > 0 ? [{ kind, amount: byFeeKind[kind]! }] : []));
  if (lines.length === 0) return undefined;
  return { dossierNo: refund.dossierNo, refund: { refundId: refund.refundId, dossierNo: refund.dossierNo, amount: lines.reduce((sum, l) => sum + l.amount, 0), lines } };
}

export interface ReceiptRequestDeps {
  readonly finance: Pick<FinanceStore, 'dueReceiptRequests' | 'receiptRequestSent'>;
  readonly receiptRequests?: AdjustingReceiptRequests;
  readonly clock: Clock;
}

/**
 * Hands a refund's adjusting-receipt request to the queue, then strikes it off. The request was
 * written with the refund's change (an outbox row), so a failure here loses nothing: the relay sends
 * it later. Sent twice at worst; the receipts consumer issues once per refund id.
 */
export async function sendReceiptRequest(deps: ReceiptRequestDeps, refundId: string, request: AdjustingReceiptRequest): Promise<boolean> {
  if (!deps.receiptRequests) return false;
  try {
    await deps.receiptRequests(request);
    await deps.finance.receiptRequestSent(refundId);
    return true;
  } catch (error) {
    logger.warn('adjusting-receipt request deferred to the relay', { refundId, error });
    return false;
  }
}

/** A request younger than this was just written by its refund's own request, which sends it. */
export const RECEIPT_RELAY_GRACE_MS = 60_000;

/** The relay (with the refund poll): adjusting-receipt requests still due after the grace go to the queue. */
export async function relayReceiptRequests(deps: ReceiptRequestDeps, graceMs = RECEIPT_RELAY_GRACE_MS): Promise<number> {
  if (!deps.receiptRequests) return 0;
  const due = await deps.finance.dueReceiptRequests(new Date(deps.clock.now().getTime() - graceMs), 100);
  let sent = 0;
  for (const row of due) if (await sendReceiptRequest(deps, row.refundId, row.request)) sent++;
  return sent;
}
