import type { Dossier } from '../../dossiers';
import { BusinessRuleError, ConflictError, ForbiddenError } from '../../../platform/kernel/errors';

/**
 * One payment for several dossiers of one citizen (a basket). The payment keeps one share per dossier
 * (what of its amount pays which dossier, by fee kind), so that settlement sends each dossier its own
 * event, and refunds, receipts and the finance book stay per dossier.
 *
 * Why 20: a citizen checks the list on one screen, and the largest DynamoDB transaction a basket
 * needs stays far below the 100-item limit (creation: one lock per dossier + payment, reference and
 * ledger; settlement: one outbox row per dossier + payment, transaction key and ledger).
 */
export const MAX_BASKET_DOSSIERS = 20;

/** The fee kinds of a share: phí, lệ phí and postage (cước), as the fees module names them. */
export const SHARE_FEE_KINDS = ['fee', 'charge', 'postage'] as const;
export type ShareFeeKind = (typeof SHARE_FEE_KINDS)[number];

/** One dossier's part of a payment. */
export interface PaymentShare {
  readonly dossierNo: string;
  /** Integer VND; the shares of a payment add up to its amount. */
  readonly amount: number;
  /** The amount split by fee kind (kinds with nothing are left out); the parts add up to `amount`. */
  readonly byFeeKind: Readonly<Partial<Record<ShareFeeKind, number>>>;
}

/** The dossier fields a share is computed from. */
export type ShareDossier = Pick<Dossier, 'dossierNo' | 'fees' | 'extraCharges' | 'payments' | 'amountDue'>;

type Owed = readonly { readonly kind: ShareFeeKind; readonly amount: number }[];

/** The first `amount` đồng over the lines owed, in their order (fees as assessed, postage last). */
function fill(amount: number, owed: Owed): Record<ShareFeeKind, number> {
  const parts: Record<ShareFeeKind, number> = { fee: 0, charge: 0, postage: 0 };
  let left = amount;
  for (const line of owed) {
    const take = Math.min(left, Math.max(0, line.amount));
    parts[line.kind] += take;
    left -= take;
  }
  return parts;
}

/**
 * The share of a dossier paying its amount due now: the lines owed are filled in order by what was
 * already paid, then by this payment, and the share is what this payment fills. Anything beyond the
 * lines (it cannot happen while the amount due is derived from them) is counted as postage, so the
 * parts always add up to the amount.
 */
export function shareOf(dossier: ShareDossier): PaymentShare {
  const owed: Owed = [...dossier.fees.items.map((i) => ({ kind: i.kind, amount: i.amount })), { kind: 'postage', amount: dossier.extraCharges }];
  const paid = dossier.payments.filter((p) => p.status === 'succeeded' && !p.refundReview).reduce((sum, p) => sum + p.amount, 0);
  const before = fill(paid, owed);
  const after = fill(paid + dossier.amountDue, owed);
  const parts = SHARE_FEE_KINDS.map((kind) => [kind, after[kind] - before[kind]] as const);
  const filled = parts.reduce((sum, [, v]) => sum + v, 0);
  const byFeeKind: Partial<Record<ShareFeeKind, number>> = {};
  for (const [kind, value] of parts) {
    const extra = kind === 'postage' ? dossier.amountDue - filled : 0;
    if (value + extra > 0) byFeeKind[kind] = value + extra;
  }
  return { dossierNo: dossier.dossierNo, amount: dossier.amountDue, byFeeKind };
}

/** What a payment's shares add up to: the one amount the provider is asked for. */
export function basketAmount(shares: readonly Pick<PaymentShare, 'amount'>[]): number {
  return shares.reduce((sum, s) => sum + s.amount, 0);
}

/** Each position of the list that repeats an earlier dossier number, with the position it repeats. */
export function repeatedDossiers(dossierNos: readonly string[]): { readonly index: number; readonly first: number; readonly dossierNo: string }[] {
  const first = new Map<string, number>();
  return dossierNos.flatMap((dossierNo, index) => {
    const seen = first.get(dossierNo);
    if (seen === undefined) first.set(dossierNo, index);
    return seen === undefined ? [] : [{ index, first: seen, dossierNo }];
  });
}

/**
 * The payments a dossier may be paid in: fees while it awaits payment; postage added later while it
 * goes on. Why a dossier is not payable now, or undefined when it is.
 */
const PAYABLE_STATUSES: ReadonlySet<string> = new Set(['AWAITING_PAYMENT', 'PROCESSING', 'SUPPLEMENT_REQUESTED', 'RESULT_READY']);

export type NotPayable = { readonly code: 'NOT_AWAITING_PAYMENT' | 'NOTHING_DUE'; readonly message: string };

export function whyNotPayable(dossier: Pick<Dossier, 'dossierNo' | 'status' | 'amountDue'>): NotPayable | undefined {
  if (!PAYABLE_STATUSES.has(dossier.status) || (dossier.status !== 'AWAITING_PAYMENT' && dossier.amountDue <= 0)) {
    return { code: 'NOT_AWAITING_PAYMENT', message: `Dossier ${dossier.dossierNo} is ${dossier.status}, not awaiting payment` };
  }
  if (dossier.amountDue <= 0) return { code: 'NOTHING_DUE', message: `Nothing is due on dossier ${dossier.dossierNo}` };
  return undefined;
}

/** A dossier of the basket is unknown or someone else's: named, and the same answer for both (no oracle). */
export class BasketDossierNotYoursError extends ForbiddenError {
  override readonly code = 'DOSSIER_NOT_YOURS';
}

/** Every dossier of one payment is processed by one agency: its collecting account, refunds and book. */
export class BasketSpansAgenciesError extends BusinessRuleError {
  override readonly code = 'BASKET_SPANS_AGENCIES';
}

/** Some dossiers cannot be paid now (state, nothing due, or in another live payment): each is named. */
export class DossiersNotPayableError extends ConflictError {
  override readonly code = 'DOSSIERS_NOT_PAYABLE';
}

/** The basket's dossiers as found, in the order requested (undefined: no such dossier). */
export interface BasketCandidate {
  readonly path: string;
  readonly dossierNo: string;
  readonly dossier: Pick<Dossier, 'dossierNo' | 'agencyCode' | 'status' | 'amountDue' | 'applicant'> | undefined;
}

/**
 * The checks of a basket before any payment exists, most fundamental first, each naming every
 * dossier it refuses: ownership (403), one agency (422), payable now (409).
 */
export function checkBasket(citizenId: string, candidates: readonly BasketCandidate[]): void {
  const notYours = candidates.filter((c) => !c.dossier || c.dossier.applicant.citizenId !== citizenId);
  if (notYours.length > 0) {
    throw new BasketDossierNotYoursError(`Not dossiers of yours: ${notYours.map((c) => c.dossierNo).join(', ')}`, {
      details: notYours.map((c) => ({ path: c.path, message: `${c.dossierNo} is not a dossier of yours` })),
    });
  }
  const agency = candidates[0]!.dossier!.agencyCode;
  const elsewhere = candidates.filter((c) => c.dossier!.agencyCode !== agency);
  if (elsewhere.length > 0) {
    throw new BasketSpansAgenciesError(`One payment pays dossiers of one agency (${agency}); pay these separately: ${elsewhere.map((c) => c.dossierNo).join(', ')}`, {
      details: elsewhere.map((c) => ({ path: c.path, message: `${c.dossierNo} is processed by ${c.dossier!.agencyCode}, not ${agency}` })),
    });
  }
  const refused = candidates.flatMap((c) => {
    const why = whyNotPayable(c.dossier!);
    return why ? [{ path: c.path, message: why.message }] : [];
  });
  if (refused.length > 0) throw new DossiersNotPayableError(`Dossiers not payable now: ${refused.map((r) => r.message).join('; ')}`, { details: refused });
}

/** Whether two lists name the same dossiers (order aside). */
export function sameDossiers(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return a.length === b.length && set.size === new Set(b).size && b.every((no) => set.has(no));
}
