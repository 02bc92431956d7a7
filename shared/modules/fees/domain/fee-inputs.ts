import type { BeneficiaryCategory } from '../../../platform/kernel/vocabulary';

/** Inputs that count units; rules may price per unit of these. */
export const UNIT_INPUTS = ['pages', 'copies', 'signatures', 'persons', 'certificates'] as const;
export type UnitInput = (typeof UNIT_INPUTS)[number];

/** Who applies: some schedules price individuals and organisations differently (matrix rules). */
export const APPLICANT_TYPES = ['individual', 'organisation'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

/**
 * What a quote or a dossier tells the fee engine. Each field is optional: a rule says which it needs,
 * and a missing one is reported against its path.
 */
export type FeeInputs = { readonly [K in UnitInput]?: number } & {
  /** Declared value in VND, for rules priced as a share of it. */
  readonly declaredValue?: number;
  readonly applicantType?: ApplicantType;
  readonly assetType?: string;
  /** Registration made within the legal time limit. */
  readonly onTime?: boolean;
};

/** A beneficiary category entitles a reduction only with evidence (a document reference). */
export interface Beneficiary {
  readonly category: BeneficiaryCategory;
  readonly evidenceRef: string;
}
