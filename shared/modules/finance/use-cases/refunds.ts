import { randomUUID } from 'node:crypto';
import { canonicalHash } from '../../../platform/kernel/canonical';
import { NotFoundError } from '../../../platform/kernel/errors';
import type { Principal } from '../../../platform/http/principal';
import type { Clock } from '../../../platform/kernel/time';
import { withOptimisticRetry } from '../../../platform/dynamodb/optimistic';
import { logger } from '../../../platform/observability/logger';
import { IdempotencyKeyReusedError, IdempotentRequestInProgressError, type Payment, type RefundAnswer, type RefundRequestOf } from '../../payments';
import { bookingDate, type BookEntry } from '../domain/book';
import type { FeeParts } from '../domain/allocation';
import { resolve, type FinanceException } from '../domain/exception';
import { RefundExceedsPaymentError, RefundMachine, refundScope, refundable, sameMoney, type ManualRefundRecord, type Refund, type RefundCause } from '../domain/refund';
import { vietnamDate } from '../../../platform/kernel/time';
import type { AdjustingReceiptRequest, AdjustingReceiptRequests, FinanceStore, IdempotencyRecords, PaymentReader, RefundGateways } from '../ports';
import { adjustingReceiptRequest, moneyToRefund, providerView, refundSplit, relayReceiptRequests, sendReceiptRequest } from './refund-money';

export interface RefundDeps {
  readonly finance: FinanceStore;
  readonly payments: PaymentReader;
  readonly gateways: RefundGateways;
  readonly idempotency: IdempotencyRecords;
  readonly clock: Clock;
  /** Where a refund paid out asks for its adjusting e-receipts (the receipt-issuance queue); absent: kept due for the relay. */
  readonly receiptRequests?: AdjustingReceiptRequests;
}

export interface RefundRequestBody {
  readonly amount: number;
  readonly reason: string;
  readonly exceptionId?: string;
  /** The dossier whose money is refunded: required for a payment of several dossiers. */
  readonly dossierNo?: string;
}

export type RefundView = Pick<Refund, 'refundId' | 'paymentId' | 'amount' | 'scope' | 'reason' | 'method' | 'status' | 'requestedAt'> &
  Partial<Pick<Refund, 'completedAt' | 'providerCode' | 'exceptionId' | 'dossierNo'>>;

export function refundView(r: Refund): RefundView {
  return {
    refundId: r.refundId, paymentId: r.paymentId, amount: r.amount, scope: r.scope, reason: r.reason, method: r.method, status: r.status, requestedAt: r.requestedAt,
    ...(r.completedAt ? { completedAt: r.completedAt } : {}),
    ...(r.providerCode ? { providerCode: r.providerCode } : {}),
    ...(r.exceptionId ? { exceptionId: r.exceptionId } : {}),
    ...(r.share ? { dossierNo: r.dossierNo } : {}),
  };
}

/** The agency's own payment, or 404 (others may not learn that it exists). */
async function agencyPayment(deps: Pick<RefundDeps, 'payments'>, principal: Principal, paymentId: string): Promise<Payment> {
  const payment = await deps.payments.get(paymentId);
  if (!payment || principal.kind !== 'agency' || payment.agencyCode !== principal.agencyCode) throw new NotFoundError('Unknown payment');
  return payment;
}

const requestOf = (r: Refund): RefundRequestOf => ({ refundId: r.refundId, amount: r.amount, scope: r.scope, reason: r.reason, requestedBy: r.requestedBy, providerRequestId: r.providerRequestId ?? '' });

/** The money going out, booked when a refund is done, by fee kind (refundSplit: over what its money came in as). */
function refundEntry(refund: Refund, payment: Payment, at: Date, byFeeKind: FeeParts): BookEntry {
  return {
    entryId: `ref_${refund.refundId}`, kind: 'refund', provider: payment.provider, agencyCode: payment.agencyCode, reference: payment.providerRef,
    paymentId: payment.paymentId, refundId: refund.refundId, dossierNo: refund.dossierNo, amount: refund.amount, at: at.toISOString(),
    bookDate: bookingDate(payment.provider, at), byFeeKind,
  };
}

/**
 * Moves a refund by one cause, re-reading it each round: a concurrent poll that wrote first fails
 * the version check and the decision is taken again on what it wrote. Reaching `refunded`, the
 * money goes out of the book by fee kind, the exception it was started from is resolved, and its
 * adjusting e-receipts are asked for, all in the same write (the request as an outbox row, sent after).
 */
async function move(deps: RefundDeps, payment: Payment, refundId: string, cause: RefundCause, extra: Partial<Refund> = {}): Promise<Refund> {
  const { after, receiptRequest } = await withOptimisticRetry(async (): Promise<{ after: Refund; receiptRequest?: AdjustingReceiptRequest }> => {
    const before = await deps.finance.getRefund(payment.paymentId, refundId);
    if (!before) throw new NotFoundError('Unknown refund');
    if (before.status === 'submitted' && cause === 'ProviderProcessing' && before.providerCode === extra.providerCode) return { after: before };
    const now = deps.clock.now();
    const status = RefundMachine.next(before.status, cause);
    const moved: Refund = { ...before, ...extra, status, ...(RefundMachine.terminalStatuses().includes(status) ? { completedAt: now.toISOString() } : {}), version: before.version + 1 };
    if (status !== 'refunded') {
      await deps.finance.changeRefund({ before, after: moved });
      return { after: moved };
    }
    const split = await refundSplit(deps.finance, moved);
    const done: Refund = { ...moved, byFeeKind: split.byFeeKind };
    const exception = before.exceptionId ? await deps.finance.getException(before.exceptionId) : undefined;
    const resolves = exception && exception.status === 'open'
      ? { before: exception, after: resolve(exception, { kind: 'refund' as const, by: before.requestedBy, at: now.toISOString(), note: before.reason, refundId: before.refundId }) }
      : undefined;
    const receiptRequest = adjustingReceiptRequest(done, split.byFeeKind);
    await deps.finance.changeRefund({
      before, after: done, book: refundEntry(done, payment, now, split.byFeeKind), refundedBefore: split.refundedBefore,
      ...(receiptRequest ? { receiptRequest } : {}), ...(resolves ? { resolves } : {}),
    });
    return { after: done, ...(receiptRequest ? { receiptRequest } : {}) };
  });
  // Only the call that wrote `refunded` sends the request it wrote.
  if (receiptRequest) await sendReceiptRequest(deps, after.refundId, receiptRequest);
  return after;
}

const CAUSE_OF_ANSWER: Record<RefundAnswer['outcome'], RefundCause> = {
  refunded: 'ProviderRefunded',
  processing: 'ProviderProcessing',
  unknown: 'ProviderProcessing',
  not_refundable: 'OriginalNotSuccessful',
  refused: 'ProviderRefused',
};

function applyAnswer(deps: RefundDeps, payment: Payment, refund: Refund, answer: RefundAnswer): Promise<Refund> {
  if (answer.outcome === 'unknown') logger.warn('refund answer not verified; the refund is queried later', { refundId: refund.refundId });
  return move(deps, payment, refund.refundId, CAUSE_OF_ANSWER[answer.outcome], answer.code ? { providerCode: answer.code } : {});
}

/**
 * Records the refund and holds its amount (one conditional write, refused beyond what was paid),
 * then, for a provider with a refund API, records the submission before calling it and applies its
 * signed answer. Without an API the refund waits for the agency to confirm its own transfer.
 */
async function startRefund(deps: RefundDeps, principal: Principal & { kind: 'agency' }, payment: Payment, body: RefundRequestBody): Promise<Refund> {
  const money = await moneyToRefund(deps.finance, payment, body.exceptionId, body.dossierNo);
  const remaining = refundable(money.paid, (await deps.finance.refundsOf(payment.paymentId)).filter(sameMoney(money)));
  // A fast, friendly refusal; the store's conditional write is what actually holds under races.
  if (body.amount > remaining) throw new RefundExceedsPaymentError(remaining);
  const held = money.paid - remaining;
  const gateway = deps.gateways[payment.provider];
  const refundId = `rfd_${randomUUID().replace(/-/g, '')}`;
  const refund: Refund = {
    refundId, paymentId: payment.paymentId, dossierNo: money.share?.dossierNo ?? payment.dossierNo, agencyCode: payment.agencyCode, provider: payment.provider,
    // A dossier's share is never the whole transaction at the provider (VNPay 03).
    amount: body.amount, scope: money.share ? 'partial' : refundScope(money.paid, body.amount, held), reason: body.reason, method: gateway ? 'provider' : 'manual',
    status: 'requested', requestedAt: deps.clock.now().toISOString(), requestedBy: `agency:${principal.agencyCode}`,
    // vnp_RequestId is unique per day at VNPay; ours is unique for ever and fixed before the first call.
    ...(gateway ? { providerRequestId: refundId.slice(4) } : {}),
    ...(body.exceptionId ? { exceptionId: body.exceptionId } : {}),
    ...(money.extraMoney ? { extraMoney: money.extraMoney } : {}),
    ...(money.share ? { share: money.share } : {}),
    version: 0,
  };
  await deps.finance.createRefund(refund, money.paid);
  if (!gateway) return refund;
  return submit(deps, payment, refundId);
}

/** Records the submission, then calls the provider once and applies its answer. */
async function submit(deps: RefundDeps, payment: Payment, refundId: string): Promise<Refund> {
  const submitted = await move(deps, payment, refundId, 'SentToProvider', { submittedAt: deps.clock.now().toISOString() });
  return applyAnswer(deps, payment, submitted, await deps.gateways[payment.provider]!.submit(providerView(payment, submitted), requestOf(submitted)));
}

export async function requestRefund(deps: RefundDeps, principal: Principal, paymentId: string, body: RefundRequestBody, idempotencyKey: string) {
  const payment = await agencyPayment(deps, principal, paymentId);
  const agency = principal as Principal & { kind: 'agency' };
  const scope = `refund#${agency.agencyCode}`;
  const requestHash = canonicalHash({ paymentId, body });
  for (let waited = 0; ; waited += 100) {
    const begin = await deps.idempotency.begin(scope, idempotencyKey, requestHash);
    if (begin.kind === 'mismatch') throw new IdempotencyKeyReusedError();
    if (begin.kind === 'replay') return { statusCode: begin.statusCode, body: begin.body as RefundView };
    if (begin.kind === 'new') break;
    if (waited >= 5_000) throw new IdempotentRequestInProgressError();
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    const result = { statusCode: 201, body: refundView(await startRefund(deps, agency, payment, body)) };
    await deps.idempotency.complete(scope, idempotencyKey, result.statusCode, result.body);
    return result;
  } catch (error) {
    await deps.idempotency.abandon(scope, idempotencyKey);
    throw error;
  }
}

/** A read: only the stores (the refund list function builds no gateway, reads no secret). */
export async function listRefunds(deps: Pick<RefundDeps, 'payments' | 'finance'>, principal: Principal, paymentId: string) {
  const payment = await agencyPayment(deps, principal, paymentId);
  const refunds = await deps.finance.refundsOf(payment.paymentId);
  // What remains of the payment's own money (money an exception holds beside it is refunded from that exception).
  return { items: refunds.map(refundView), refundable: refundable(payment.status === 'succeeded' ? payment.amount : 0, refunds.filter((r) => !r.extraMoney)) };
}

/** The agency's officer sent the money back by bank transfer (no refund API): the record, then refunded. */
export async function confirmManualRefund(deps: RefundDeps, principal: Principal, paymentId: string, refundId: string, record: Omit<ManualRefundRecord, 'confirmedAt'>) {
  const payment = await agencyPayment(deps, principal, paymentId);
  return refundView(await move(deps, payment, refundId, 'ManualTransferConfirmed', { manual: { ...record, confirmedAt: deps.clock.now().toISOString() } }));
}

/**
 * Asks the provider about every submitted refund (94, a timeout, an unverified answer); never resends
 * one. A refund still `requested` was never sent (the submission is recorded before the call), so it is sent now.
 */
export async function pollSubmittedRefunds(deps: RefundDeps): Promise<{ checked: number; settled: number; receiptRequestsRelayed: number }> {
  let checked = 0, settled = 0;
  for (const refund of await deps.finance.pendingRefunds()) {
    const gateway = deps.gateways[refund.provider];
    if (refund.method !== 'provider' || !gateway) continue;
    const payment = await deps.payments.get(refund.paymentId);
    if (!payment) continue;
    checked++;
    const after = refund.status === 'requested' ? await submit(deps, payment, refund.refundId) : await applyAnswer(deps, payment, refund, await gateway.query(providerView(payment, refund), requestOf(refund)));
    if (after.status !== 'submitted') settled++;
  }
  return { checked, settled, receiptRequestsRelayed: await relayReceiptRequests(deps) };
}

/** Today's Viet Nam date, for callers that summarise "today". */
export const today = (clock: Clock) => vietnamDate(clock.now());
export type { FinanceException };
