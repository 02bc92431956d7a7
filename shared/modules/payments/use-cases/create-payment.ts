import { canonicalHash } from '../../../platform/kernel/canonical';
import { IdempotencyKeyReusedError, IdempotentRequestInProgressError } from '../domain/errors';
import { NotAwaitingPaymentError, NothingDueError, type Payment, type PaymentProviderName } from '../domain/payment';
import { randomCode } from '../domain/reference';
import { acceptReturnUrl } from '../domain/return-url';
import type { Clock } from '../../../platform/kernel/time';
import { ForbiddenError, InvalidInputError } from '../../../platform/kernel/errors';
import type { Principal } from '../../../platform/http/principal';
import type { DossierStore } from '../../dossiers';
import type { PaymentProviders, PaymentStore } from '../ports';
import type { CreatePaymentRequest, PaymentView } from '../api/payment';
import { visibleDossier } from '../../dossiers';

const PAYABLE_STATUSES = new Set(['AWAITING_PAYMENT', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'RESULT_READY']);

export function toPaymentView(p: Payment): PaymentView {
  return {
    paymentId: p.paymentId,
    dossierNo: p.dossierNo,
    provider: p.provider,
    amount: p.amount,
    currency: p.currency,
    status: p.status,
    ...(p.redirectUrl ? { redirectUrl: p.redirectUrl } : {}),
    ...(p.qr ? { qr: p.qr } : {}),
    expiresAt: p.expiresAt,
    createdAt: p.createdAt,
    ...(p.completedAt ? { completedAt: p.completedAt } : {}),
  };
}

export interface CreatePaymentDeps {
  readonly dossiers: DossierStore;
  readonly payments: PaymentStore;
  readonly providers: PaymentProviders;
  readonly expiryMinutes: Readonly<Record<PaymentProviderName, number>>;
  /** The portal origins a returnUrl may point at. */
  readonly returnOrigins: readonly string[];
  readonly clock: Clock;
}

/** More than the provider can carry: refused before anything is written, with the limit as the reason. */
export class AmountOverProviderLimitError extends InvalidInputError {
  override readonly code = 'AMOUNT_OVER_PROVIDER_LIMIT';
}

export interface CreatePaymentResult {
  readonly statusCode: 200 | 201;
  readonly body: PaymentView;
}

async function startPayment(deps: CreatePaymentDeps, principal: Principal, dossierNo: string, request: CreatePaymentRequest, ipAddr: string): Promise<CreatePaymentResult> {
  const dossier = await visibleDossier(deps.dossiers, principal, dossierNo);
  if (principal.kind !== 'citizen') throw new ForbiddenError('Only the applicant pays');
  // Fees are paid while the dossier awaits payment; postage added later is paid while it goes on.
  if (!PAYABLE_STATUSES.has(dossier.status) || (dossier.status !== 'AWAITING_PAYMENT' && dossier.amountDue <= 0)) {
    throw new NotAwaitingPaymentError(`Dossier ${dossierNo} is ${dossier.status}, not awaiting payment`);
  }
  if (dossier.amountDue <= 0) throw new NothingDueError(`Nothing is due on dossier ${dossierNo}`);
  const provider = deps.providers[request.provider];
  const limit = provider.maxAmount;
  if (dossier.amountDue > limit) {
    const reason = `${request.provider} carries at most ${limit} VND per payment; ${dossier.amountDue} VND is due`;
    throw new AmountOverProviderLimitError(`The amount due is over the provider's limit: ${reason}`, { details: [{ path: 'provider', message: reason }] });
  }
  const now = deps.clock.now();
  const live = await deps.payments.livePaymentOf(dossierNo, now);
  if (live) return { statusCode: 200, body: toPaymentView(live) };

  const paymentId = `pay_${randomCode(24)}`;
  const draft: Payment = {
    paymentId,
    dossierNo,
    citizenId: principal.citizenId,
    agencyCode: dossier.agencyCode,
    provider: request.provider,
    providerRef: provider.newReference(paymentId),
    amount: dossier.amountDue,
    currency: 'VND',
    status: 'pending',
    returnUrl: request.returnUrl,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + deps.expiryMinutes[request.provider] * 60_000).toISOString(),
    version: 1,
  };
  const started = await provider.start(draft, { ipAddr, orderInfo: `Thanh toan phi ho so ${dossierNo}` });
  const payment: Payment = { ...draft, ...started };
  const result = await deps.payments.create(payment, { paymentId, provider: payment.provider, kind: 'created', outcome: 'pending', at: payment.createdAt }, now);
  if (!result.created) return { statusCode: 200, body: toPaymentView(result.existing) };
  return { statusCode: 201, body: toPaymentView(payment) };
}

/**
 * POST /v1/dossiers/{no}/payments. The same key and body answer the same response for 48 h; the same
 * key with another body is refused; concurrent requests with one key make one payment.
 */
export async function createPayment(
  deps: CreatePaymentDeps,
  principal: Principal,
  dossierNo: string,
  request: CreatePaymentRequest,
  idempotencyKey: string,
  ipAddr: string,
): Promise<CreatePaymentResult> {
  // Checked before the idempotency record exists, so a refused URL leaves nothing behind; the
  // normalised form is what is stored and what the return link redirects to.
  const accepted = { ...request, returnUrl: acceptReturnUrl(request.returnUrl, deps.returnOrigins) };
  const scope = principal.kind === 'citizen' ? principal.citizenId : 'other';
  const requestHash = canonicalHash({ dossierNo, request });
  for (let waited = 0; ; waited += 100) {
    const begin = await deps.payments.beginIdempotent(scope, idempotencyKey, requestHash);
    if (begin.kind === 'mismatch') throw new IdempotencyKeyReusedError();
    if (begin.kind === 'replay') return { statusCode: begin.statusCode as 200 | 201, body: begin.body as PaymentView };
    if (begin.kind === 'new') break;
    // Another request with this key is running: wait for its answer rather than make a second payment.
    if (waited >= 5_000) throw new IdempotentRequestInProgressError();
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    const result = await startPayment(deps, principal, dossierNo, accepted, ipAddr);
    await deps.payments.completeIdempotent(scope, idempotencyKey, result.statusCode, result.body);
    return result;
  } catch (error) {
    await deps.payments.abandonIdempotent(scope, idempotencyKey);
    throw error;
  }
}
