import { vietnamDate } from '../../../platform/kernel/time';

/**
 * The finance book: one entry per đồng moving in (a collection) or out (a refund), written once under
 * an id derived from its source, so redeliveries and re-imports add nothing. The summary and the
 * daily reconciliation read it and nothing else.
 */
export const FEE_KINDS = ['fee', 'charge', 'postage', 'unallocated'] as const;
/** fee = phí, charge = lệ phí, postage = cước; unallocated: money no dossier asked for (yet). */
export type FeeKind = (typeof FEE_KINDS)[number];

export interface BookEntry {
  readonly entryId: string;
  readonly kind: 'collection' | 'refund';
  readonly provider: string;
  readonly agencyCode: string;
  /** Our reference at the provider (vnp_TxnRef, transfer memo): what the settlement file carries. */
  readonly reference: string;
  readonly transactionId?: string;
  readonly paymentId?: string;
  readonly refundId?: string;
  readonly dossierNo?: string;
  /** Always positive; `kind` gives the direction. */
  readonly amount: number;
  /** When the money moved (UTC). */
  readonly at: string;
  /** The Viet Nam date the provider books it on (see {@link bookingDate}). */
  readonly bookDate: string;
  /** The amount split by fee kind; the parts add up to `amount`. */
  readonly byFeeKind: Readonly<Partial<Record<FeeKind, number>>>;
}

/** Providers whose day is a bank's booking day: transfers made 22:00–05:00 are booked the next day. */
const BANK_BOOKED = new Set(['vietqr']);

/**
 * The Viet Nam date a provider books money on. A gateway's day T runs 00:00:00–23:59:59 Viet Nam
 * time; a bank books a transfer made from 22:00 on the next day (00:00–05:00 already is that day).
 */
export function bookingDate(provider: string, at: Date): string {
  if (!BANK_BOOKED.has(provider)) return vietnamDate(at);
  const vietnamHour = (at.getUTCHours() + 7) % 24;
  return vietnamHour >= 22 ? vietnamDate(new Date(at.getTime() + 3 * 60 * 60 * 1000)) : vietnamDate(at);
}

export interface SummaryTotals {
  readonly collected: number;
  readonly refunded: number;
  readonly net: number;
}

export interface FinanceSummary extends SummaryTotals {
  readonly agencyCode: string;
  readonly date: string;
  readonly currency: 'VND';
  readonly byProvider: Readonly<Record<string, SummaryTotals>>;
  readonly byFeeKind: Readonly<Record<FeeKind, SummaryTotals>>;
  readonly pendingRefunds: { readonly count: number; readonly amount: number };
  readonly openExceptions: { readonly count: number; readonly amount: number };
}

const zero = (): { collected: number; refunded: number; net: number } => ({ collected: 0, refunded: 0, net: 0 });

/** Totals of the book entries of one agency and date, to the đồng. */
export function summarize(
  agencyCode: string,
  date: string,
  entries: readonly BookEntry[],
  pendingRefunds: readonly { amount: number }[],
  openExceptions: readonly { amount: number }[],
): FinanceSummary {
  const total = zero();
  const byProvider: Record<string, ReturnType<typeof zero>> = {};
  const byFeeKind = Object.fromEntries(FEE_KINDS.map((k) => [k, zero()])) as Record<FeeKind, ReturnType<typeof zero>>;
  const book = (t: ReturnType<typeof zero>, kind: BookEntry['kind'], amount: number) => {
    if (kind === 'collection') t.collected += amount;
    else t.refunded += amount;
    t.net = t.collected - t.refunded;
  };
  for (const e of entries) {
    book(total, e.kind, e.amount);
    book((byProvider[e.provider] ??= zero()), e.kind, e.amount);
    for (const [kind, amount] of Object.entries(e.byFeeKind)) book(byFeeKind[kind as FeeKind], e.kind, amount ?? 0);
  }
  const sum = (xs: readonly { amount: number }[]) => ({ count: xs.length, amount: xs.reduce((s, x) => s + x.amount, 0) });
  return { agencyCode, date, currency: 'VND', ...total, byProvider, byFeeKind, pendingRefunds: sum(pendingRefunds), openExceptions: sum(openExceptions) };
}
