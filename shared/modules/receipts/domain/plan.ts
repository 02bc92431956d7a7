import type { Dossier } from '../../dossiers';
import { InvalidInputError } from '../../../platform/kernel/errors';
import { amountInWords } from './amount-in-words';
import type { Receipt, ReceiptDraft, ReceiptKind, ReceiptLine, ReceiptMode, ReceiptRef } from './receipt';

/** The dossier fields a receipt is made from. */
export type ReceiptDossier = Pick<Dossier, 'dossierNo' | 'agencyCode' | 'applicant' | 'fees' | 'payments'>;

/** Money a dossier received and kept (money flagged for refund review is not the fees' payment). */
function keptPaid(dossier: Pick<Dossier, 'payments'>): number {
  return dossier.payments.filter((p) => p.status === 'succeeded' && !p.refundReview).reduce((sum, p) => sum + p.amount, 0);
}

/** The phí and lệ phí lines owed; postage lines never go on a receipt. */
function receiptLines(dossier: ReceiptDossier): Record<'fee' | 'charge', ReceiptLine[]> {
  const lines: Record<'fee' | 'charge', ReceiptLine[]> = { fee: [], charge: [] };
  for (const item of dossier.fees.items) {
    if ((item.kind === 'fee' || item.kind === 'charge') && item.amount > 0) lines[item.kind].push({ code: item.code, label: item.label.vi, amount: item.amount });
  }
  return lines;
}

/** Whether the fees are paid in full, so their receipts are due (later postage payments change nothing). */
export function feesSettled(dossier: ReceiptDossier): boolean {
  const lines = receiptLines(dossier);
  const owed = [...lines.fee, ...lines.charge].reduce((sum, l) => sum + l.amount, 0);
  return owed > 0 && keptPaid(dossier) >= dossier.fees.total;
}

export interface PlanContext {
  readonly mode: ReceiptMode;
  readonly agencyName: string;
  /** The succeeded payment that settled the fees. */
  readonly paymentId?: string;
  /** A fresh fkey per receipt (random: a receipt's PDF link must not be guessable from its dossier). */
  newKey(): string;
}

function draft(dossier: ReceiptDossier, kind: ReceiptKind, lines: readonly ReceiptLine[], context: PlanContext): ReceiptDraft {
  const amount = lines.reduce((sum, l) => sum + l.amount, 0);
  return {
    receiptId: `${dossier.dossierNo}.${kind}`,
    fkey: context.newKey(),
    dossierNo: dossier.dossierNo,
    agencyCode: dossier.agencyCode,
    agencyName: context.agencyName,
    kind,
    purpose: 'original',
    payer: { name: dossier.applicant.fullName, idNumber: dossier.applicant.citizenId },
    lines,
    amount,
    amountInWords: amountInWords(amount),
    ...(context.paymentId ? { paymentId: context.paymentId } : {}),
  };
}

/** The receipts a paid dossier gets: one for phí and one for lệ phí (those owed), or one for both. */
export function planReceipts(dossier: ReceiptDossier, context: PlanContext): ReceiptDraft[] {
  const lines = receiptLines(dossier);
  if (context.mode === 'combined') {
    const all = [...lines.fee, ...lines.charge];
    return all.length > 0 ? [draft(dossier, 'combined', all, context)] : [];
  }
  return (['fee', 'charge'] as const).filter((kind) => lines[kind].length > 0).map((kind) => draft(dossier, kind, lines[kind], context));
}

/** A refund as receipts need it; the refunds module (shared/modules/finance) supplies it. */
export interface RefundForReceipts {
  readonly refundId: string;
  readonly dossierNo: string;
  /** Integer đồng refunded of the dossier's phí and lệ phí (postage refunded is not counted here). */
  readonly amount: number;
  /** How the amount splits over phí and lệ phí; may be left out only for a full refund. */
  readonly lines?: readonly { readonly kind: 'fee' | 'charge'; readonly amount: number }[];
}

function refOf(receipt: Receipt): ReceiptRef {
  return { receiptId: receipt.receiptId, template: receipt.template, series: receipt.series, receiptNo: receipt.receiptNo, receiptDate: receipt.receiptDate, fkey: receipt.fkey };
}

/**
 * The adjusting receipts of a refund: one per original receipt it reduces, for minus the amount
 * refunded of that receipt. The originals stay as they were (a receipt is never deleted). A partial
 * refund must say how it splits; a split that does not add up, or exceeds a receipt, is refused.
 */
export function planAdjustments(originals: readonly Receipt[], refund: RefundForReceipts, newKey: () => string): ReceiptDraft[] {
  const issued = originals.filter((r) => r.purpose === 'original' && r.status === 'issued');
  const total = issued.reduce((sum, r) => sum + r.amount, 0);
  if (!Number.isSafeInteger(refund.amount) || refund.amount <= 0) throw new InvalidInputError('A refund amount must be a positive whole number of đồng', { details: [{ path: 'amount', message: 'positive integer VND' }] });
  if (refund.amount > total) throw new InvalidInputError(`The refund (${refund.amount}) exceeds the receipted fees (${total})`, { details: [{ path: 'amount', message: `at most ${total}` }] });
  const split = new Map<Receipt, number>();
  if (refund.lines === undefined) {
    if (refund.amount !== total) throw new InvalidInputError('A partial refund must say how it splits over phí and lệ phí', { details: [{ path: 'lines', message: 'required for a partial refund' }] });
    for (const r of issued) split.set(r, r.amount);
  } else {
    const sum = refund.lines.reduce((s, l) => s + l.amount, 0);
    if (sum !== refund.amount) throw new InvalidInputError('The refund lines do not add up to its amount', { details: [{ path: 'lines', message: `sum ${sum} ≠ amount ${refund.amount}` }] });
    refund.lines.forEach((line, i) => {
      // In combined mode one receipt carries both kinds.
      const target = issued.find((r) => r.kind === line.kind) ?? issued.find((r) => r.kind === 'combined');
      const already = target ? (split.get(target) ?? 0) : 0;
      if (!target || !Number.isSafeInteger(line.amount) || line.amount <= 0 || already + line.amount > target.amount) {
        throw new InvalidInputError(`Refund line ${i} cannot be receipted`, { details: [{ path: `lines.${i}.amount`, message: target ? `positive, at most ${target.amount - already}` : `no issued receipt for ${line.kind}` }] });
      }
      split.set(target, already + line.amount);
    });
  }
  return [...split].map(([original, amount]) => ({
    receiptId: `${refund.refundId}.adj.${original.kind}`,
    fkey: newKey(),
    dossierNo: original.dossierNo,
    agencyCode: original.agencyCode,
    agencyName: original.agencyName,
    kind: original.kind,
    purpose: 'adjustment',
    adjusts: refOf(original),
    payer: original.payer,
    lines: [{ code: 'REFUND', label: `Điều chỉnh giảm theo hoàn tiền, biên lai số ${original.receiptNo} ký hiệu ${original.series}`, amount: -amount }],
    amount: -amount,
    amountInWords: amountInWords(-amount),
    refundId: refund.refundId,
  }));
}
