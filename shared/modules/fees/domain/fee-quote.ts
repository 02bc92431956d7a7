import type { BilingualText, Channel } from '../../../platform/kernel/vocabulary';
import type { Beneficiary, FeeInputs } from './fee-inputs';
import type { FeeSchedule } from './fee-schedule';

/** fee = phí, charge = lệ phí, postage = cước bưu chính. */
export const QUOTE_ITEM_KINDS = ['fee', 'charge', 'postage'] as const;
export type QuoteItemKind = (typeof QUOTE_ITEM_KINDS)[number];

/** VND has no minor unit; every amount is an integer number of đồng. */
export const CURRENCY = 'VND';

/**
 * What a procedure must provide to be priced. The catalogue's procedure definition has these fields
 * (and more); fees declares only what it reads, so it never depends on the catalogue.
 */
export interface PricedProcedure {
  readonly code: string;
  readonly agencyCode: string;
  /** Submission channels the procedure accepts. */
  readonly channels: readonly Channel[];
  readonly postalReturnAllowed: boolean;
  /** Weight of the paper result, used to price postage. */
  readonly resultWeightGrams: number;
  readonly schedules: readonly FeeSchedule[];
}

/** The processing agency as postage sees it: its province decides same-province or other-province. */
export interface ProcessingAgency {
  readonly provinceCode: string;
}

export interface FeeQuoteRequest {
  readonly procedureCode: string;
  readonly channel: Channel;
  /** ISO-8601 instant; defaults to now. */
  readonly submittedAt?: string;
  readonly inputs: FeeInputs;
  readonly beneficiary?: Beneficiary;
  /** Destination of a postal return, to add postage. */
  readonly delivery?: { readonly provinceCode: string };
}

/** One line of a quote, the way a receipt has one. */
export interface QuoteItem {
  readonly kind: QuoteItemKind;
  readonly code: string;
  readonly label: BilingualText;
  /** Amount owed for this line after reductions. */
  readonly amount: number;
  /** The arithmetic, e.g. "3 trang × 1 bản: 2×2.000 + 1×1.000". */
  readonly basis: string;
  /** The legal text that sets the rate. */
  readonly legalBasis: string;
}

export interface QuoteReduction {
  readonly code: string;
  readonly ruleCode: string;
  /** Amount taken off the line. */
  readonly amount: number;
  readonly reason: BilingualText;
  readonly basis: string;
}

/** An itemised quote, the way a receipt is itemised. */
export interface FeeQuote {
  readonly procedureCode: string;
  readonly channel: Channel;
  readonly submittedAt: string;
  readonly items: readonly QuoteItem[];
  readonly reductions: readonly QuoteReduction[];
  readonly total: number;
  readonly currency: typeof CURRENCY;
  readonly scheduleVersion: string;
}

/**
 * The fees of a registered dossier, priced once at registration by the schedule in force on its
 * submission date and stored with that schedule's version: later schedules never change it.
 */
export interface FeeAssessment {
  readonly scheduleVersion: string;
  readonly submittedAt: string;
  readonly assessedAt: string;
  readonly items: readonly QuoteItem[];
  readonly reductions: readonly QuoteReduction[];
  readonly total: number;
  readonly currency: typeof CURRENCY;
}
