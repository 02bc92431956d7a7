import { canonicalHash } from '../../../platform/kernel/canonical';
import { IdempotencyKeyReusedError, IdempotentRequestInProgressError } from '../domain/errors';
import { dossierNosOf, NotAwaitingPaymentError, NothingDueError, sharesOf, type Payment, type PaymentProviderName } from '../domain/payment';
import { basketAmount, checkBasket, DossiersNotPayableError, sameDossiers, shareOf, whyNotPayable } from '../domain/basket';
import { randomCode } from '../domain/reference';
import { acceptReturnUrl } from '../domain/return-url';
import type { Clock } from '../../../platform/kernel/time';
import { ForbiddenError, InvalidInputError } from '../../../platform/kernel/errors';
import type { Principal } from '../../../platform/http/principal';
import type { Dossier, DossierStore } from '../../dossiers';
import type { PaymentProviders, PaymentStore } from '../ports';
import type { CreateBasketPaymentRequest, CreatePaymentRequest, PaymentView } from '../api/payment';
import { visibleDossier } from '../../dossiers';

export function toPaymentView(p: Payment): PaymentView {
  return {
    paymentId: p.paymentId,
    dossierNo: p.dossierNo,
    dossierNos: dossierNosOf(p),
    shares: sharesOf(p).map((s) => ({ dossierNo: s.dossierNo, amount: s.amount })),
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

/**
 * What to answer when a dossier already has a live payment: the payment itself (200), or a refusal.
 * One dossier's route answers its live payment whatever it covers; a basket only the very same basket.
 */
type LivePolicy = (live: Payment) => CreatePaymentResult;

const answerLive: LivePolicy = (live) => ({ statusCode: 200, body: toPaymentView(live) });

function sameBasketOnly(dossierNos: readonly string[]): LivePolicy {
  return (live) => {
    if (sameDossiers(dossierNosOf(live), dossierNos)) return answerLive(live);
    const held = dossierNos.flatMap((no, i) => (dossierNosOf(live).includes(no) ? [{ path: `dossierNos.${i}`, message: `${no} is in live payment ${live.paymentId} until ${live.expiresAt}` }] : []));
    throw new DossiersNotPayableError(`Dossiers already in another live payment: ${held.map((h) => h.message).join('; ')}`, { details: held });
  };
}

/**
 * The one path of every new payment, for one dossier or several (all checked payable by the caller):
 * one amount, the sum of the dossiers' amounts due, with each dossier's share recorded; a live
 * payment of any of them is answered by `onLive` instead of a second one.
 */
async function openPayment(deps: CreatePaymentDeps, citizenId: string, dossiers: readonly Dossier[], request: CreatePaymentRequest, ipAddr: string, onLive: LivePolicy): Promise<CreatePaymentResult> {
  const shares = dossiers.map(shareOf);
  const amount = basketAmount(shares);
  const provider = deps.providers[request.provider];
  if (amount > provider.maxAmount) {
    const reason = `${request.provider} carries at most ${provider.maxAmount} VND per payment; ${amount} VND is due`;
    throw new AmountOverProviderLimitError(`The amount due is over the provider's limit: ${reason}`, { details: [{ path: 'provider', message: reason }] });
  }
  const now = deps.clock.now();
  const live = (await Promise.all(dossiers.map((d) => deps.payments.livePaymentOf(d.dossierNo, now)))).find((p) => p !== undefined);
  if (live) return onLive(live);

  const dossierNos = dossiers.map((d) => d.dossierNo);
  const paymentId = `pay_${randomCode(24)}`;
  const draft: Payment = {
    paymentId,
    dossierNo: dossierNos[0]!,
    shares,
    citizenId,
    agencyCode: dossiers[0]!.agencyCode,
    provider: request.provider,
    providerRef: provider.newReference(paymentId),
    amount,
    currency: 'VND',
    status: 'pending',
    returnUrl: request.returnUrl,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + deps.expiryMinutes[request.provider] * 60_000).toISOString(),
    version: 1,
  };
  const orderInfo = dossierNos.length === 1 ? `Thanh toan phi ho so ${dossierNos[0]}` : `Thanh toan phi ${dossierNos.length} ho so ${dossierNos.join(' ')}`;
  const started = await provider.start(draft, { ipAddr, orderInfo, dossiers });
  const payment: Payment = { ...draft, ...started };
  const result = await deps.payments.create(payment, { paymentId, provider: payment.provider, kind: 'created', outcome: 'pending', at: payment.createdAt }, now);
  if (!result.created) return onLive(result.existing);
  return { statusCode: 201, body: toPaymentView(payment) };
}

/**
 * The same key and body answer the same response for 48 h; the same key with another body is
 * refused; concurrent requests with one key make one payment. Keys are the caller's, whichever of
 * the two payment routes used them.
 */
async function idempotently(deps: CreatePaymentDeps, principal: Principal, idempotencyKey: string, requestHash: string, run: () => Promise<CreatePaymentResult>): Promise<CreatePaymentResult> {
  const scope = principal.kind === 'citizen' ? principal.citizenId : 'other';
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
    const result = await run();
    await deps.payments.completeIdempotent(scope, idempotencyKey, result.statusCode, result.body);
    return result;
  } catch (error) {
    await deps.payments.abandonIdempotent(scope, idempotencyKey);
    throw error;
  }
}

/** POST /v1/dossiers/{no}/payments: the amount due on one dossier. */
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
  return idempotently(deps, principal, idempotencyKey, canonicalHash({ dossierNo, request }), async () => {
    const dossier = await visibleDossier(deps.dossiers, principal, dossierNo);
    if (principal.kind !== 'citizen') throw new ForbiddenError('Only the applicant pays');
    const why = whyNotPayable(dossier);
    if (why?.code === 'NOT_AWAITING_PAYMENT') throw new NotAwaitingPaymentError(why.message);
    if (why?.code === 'NOTHING_DUE') throw new NothingDueError(why.message);
    return openPayment(deps, principal.citizenId, [dossier], accepted, ipAddr, answerLive);
  });
}

/**
 * POST /v1/payments: one payment for several dossiers of the caller (a basket), for the sum of their
 * amounts due. Every dossier must be the caller's, of one agency and payable now, and in no other
 * live payment; each refusal names its dossiers. The same basket while live is answered (200).
 */
export async function createBasketPayment(
  deps: CreatePaymentDeps,
  principal: Principal,
  request: CreateBasketPaymentRequest,
  idempotencyKey: string,
  ipAddr: string,
): Promise<CreatePaymentResult> {
  const { dossierNos, ...payment } = request;
  const accepted = { ...payment, returnUrl: acceptReturnUrl(payment.returnUrl, deps.returnOrigins) };
  return idempotently(deps, principal, idempotencyKey, canonicalHash({ basket: request }), async () => {
    if (principal.kind !== 'citizen') throw new ForbiddenError('Only the applicant pays');
    const found = await Promise.all(dossierNos.map((no) => deps.dossiers.get(no)));
    checkBasket(principal.citizenId, dossierNos.map((dossierNo, i) => ({ path: `dossierNos.${i}`, dossierNo, dossier: found[i] })));
    return openPayment(deps, principal.citizenId, found as Dossier[], accepted, ipAddr, sameBasketOnly(dossierNos));
  });
}
