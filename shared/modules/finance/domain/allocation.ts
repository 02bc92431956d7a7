import type { FeeKind } from './book';

/** An amount split by fee kind; the parts add up to the amount. */
export type FeeParts = Readonly<Partial<Record<FeeKind, number>>>;

/** A line the dossier asked money for (its assessed phí and lệ phí items, then postage). */
export interface AskedLine {
  readonly kind: Exclude<FeeKind, 'unallocated'>;
  readonly amount: number;
}

function add(parts: Partial<Record<FeeKind, number>>, kind: FeeKind, value: number): void {
  if (value > 0) parts[kind] = (parts[kind] ?? 0) + value;
}

/**
 * Splits money coming in over what the dossier asked for, in its lines' order (phí and lệ phí as
 * assessed, postage last), after what earlier payments of the dossier already covered
 * (`coveredBefore`): a postage payment made after the fees were paid is postage, not phí. Anything
 * beyond the lines is unallocated (money no line claimed: an overpayment).
 */
export function allocate(amount: number, asked: readonly AskedLine[], coveredBefore = 0): FeeParts {
  const parts: Partial<Record<FeeKind, number>> = {};
  let skip = Math.max(0, coveredBefore);
  let left = amount;
  for (const line of asked) {
    const open = Math.max(0, line.amount - skip);
    skip = Math.max(0, skip - Math.max(0, line.amount));
    const take = Math.min(left, open);
    add(parts, line.kind, take);
    left -= take;
  }
  add(parts, 'unallocated', left);
  return parts;
}

/** Kinds a refund reduces in proportion, in the order that breaks rounding ties. */
const PRO_RATA_KINDS = ['fee', 'charge', 'postage'] as const;

/**
 * Which fee lines a refund gives money back from, given what the money it refunds was booked as
 * (`collected`) and what earlier refunds of that money already gave back (`refunded`).
 *
 * The rule (what an accountant reconciling phí, lệ phí and cước expects):
 * 1. Money no line claimed (an overpayment, money the dossier did not want) goes back first: it was
 *    never revenue, and giving it back first keeps every fee line whole.
 * 2. The rest reduces phí, lệ phí and postage in proportion to what each still holds. A refund of
 *    x % of a bill gives back x % of each line, so the adjusting e-receipts of phí and of lệ phí
 *    shrink in the same ratio, the lệ phí remitted to the State budget and the phí the agency keeps
 *    are corrected alike, and a full refund reverses every line exactly. "Postage first" was
 *    considered: it fits one case (the citizen collected the result at the counter) but would take a
 *    re-priced fee's refund out of postage; the request does not say which, so the neutral split wins.
 * 3. Whole đồng by largest remainder (ties: the larger line, then phí, lệ phí, postage): the parts
 *    add up to the refund, and no line gives back more than it still holds.
 *
 * @throws RangeError when the refund exceeds what the money still holds (the refund guard prevents it).
 */
export function allocateRefund(amount: number, collected: FeeParts, refunded: FeeParts = {}): FeeParts {
  const holds = (kind: FeeKind) => Math.max(0, (collected[kind] ?? 0) - (refunded[kind] ?? 0));
  const parts: Partial<Record<FeeKind, number>> = {};
  const surplus = Math.min(amount, holds('unallocated'));
  add(parts, 'unallocated', surplus);
  const rest = amount - surplus;
  const total = PRO_RATA_KINDS.reduce((sum, kind) => sum + holds(kind), 0);
  if (rest > total) throw new RangeError(`a refund of ${amount} exceeds the ${total + surplus} VND its money still holds`);
  if (rest === 0) return parts;
  // rest × held can pass 2^53 (amounts reach 10^10 đồng): exact in BigInt.
  const shares = PRO_RATA_KINDS.map((kind, order) => {
    const exact = BigInt(rest) * BigInt(holds(kind));
    return { kind, order, held: holds(kind), whole: Number(exact / BigInt(total)), remainder: exact % BigInt(total) };
  });
  let short = rest - shares.reduce((sum, s) => sum + s.whole, 0);
  const byRemainder = [...shares].sort((a, b) => (b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : 0) || b.held - a.held || a.order - b.order);
  for (const share of byRemainder) {
    if (short === 0) break;
    if (share.remainder === 0n) continue;
    share.whole += 1;
    short -= 1;
  }
  for (const share of shares) add(parts, share.kind, share.whole);
  return parts;
}

/** The sum of several splits, kind by kind. */
export function sumParts(all: readonly FeeParts[]): FeeParts {
  const total: Partial<Record<FeeKind, number>> = {};
  for (const parts of all) for (const [kind, value] of Object.entries(parts)) add(total, kind as FeeKind, value ?? 0);
  return total;
}
