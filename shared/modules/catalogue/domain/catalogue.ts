import type { BilingualText, Channel } from '../../../platform/kernel/vocabulary';
import type { FeeInputName, FeeRule, InputNeed, PostageTariff, PricedProcedure, Reduction } from '../../fees';

/** A procedure as the catalogue file declares it: everything fees needs to price it, and its name. */
export interface ProcedureDefinition extends PricedProcedure {
  readonly name: BilingualText;
  /** Legal processing time in WORKING days (0: the same day); absent when the catalogue does not know it. */
  readonly processingDays?: number;
  /** Where processingDays comes from, and whether it is verified ("chưa xác minh" until it is). */
  readonly processingDaysNote?: string;
  /** What each input the fees read means for this procedure (e.g. pages: of the original to copy). */
  readonly inputDescriptions?: Partial<Record<FeeInputName, BilingualText>>;
}

/** City departments (sở, ban, ngành) and commune-level bodies (xã, phường): how the city's KPIs group agencies. */
export const AGENCY_LEVELS = ['department', 'commune'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/** An agency that processes dossiers; its province decides postage. */
export interface Agency {
  readonly code: string;
  readonly name: BilingualText;
  readonly provinceCode: string;
  /** Absent: a department (the catalogue predates levels). */
  readonly level?: AgencyLevel;
}

/** The file an operator imports with `npm run catalogue:import -- <file>`. */
export interface CatalogueFile {
  readonly agencies: readonly Agency[];
  readonly procedures: readonly ProcedureDefinition[];
  readonly postageTariff: PostageTariff;
}

export interface ScheduleSummary {
  readonly version: string;
  readonly validFrom: string;
  readonly validTo?: string;
}

/** A procedure as the API shows it: the schedule in force today and the versions on record. */
export interface Procedure {
  readonly code: string;
  readonly name: BilingualText;
  readonly agencyCode: string;
  readonly channels: readonly Channel[];
  readonly onlineAllowed: boolean;
  readonly postalReturnAllowed: boolean;
  readonly resultWeightGrams: number;
  /** Legal processing time in working days; absent when unknown. */
  readonly processingDays?: number;
  /** The inputs a quote or a registration must (or may) give for the fees in force today. */
  readonly inputs: readonly InputNeed[];
  /** The fee schedule in force today; null when none is. */
  readonly feesInForce: (ScheduleSummary & { readonly rules: readonly FeeRule[]; readonly reductions: readonly Reduction[] }) | null;
  readonly scheduleVersions: readonly ScheduleSummary[];
}
