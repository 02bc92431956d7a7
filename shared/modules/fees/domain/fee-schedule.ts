import type { BeneficiaryCategory, BilingualText } from '../../../platform/kernel/vocabulary';
import type { ApplicantType, UnitInput } from './fee-inputs';

/**
 * The fee schedule model: every rule kind found in Vietnamese fee circulars. Operators write these in
 * the catalogue file; api/fee-schedule.ts builds its schemas from the vocabularies declared here.
 */

/** phí (a fee for a service) or lệ phí (a charge set by the state). */
export const FEE_KINDS = ['fee', 'charge'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];

export const ROUNDING_MODES = ['half_up', 'floor'] as const;
export type Rounding = (typeof ROUNDING_MODES)[number];

/** Whether several applicable reductions stack or only the most favourable applies (unverified in law). */
export const REDUCTION_POLICIES = ['most_favourable', 'stack'] as const;
export type ReductionPolicy = (typeof REDUCTION_POLICIES)[number];

export const RuleTypes = {
  FLAT: 'flat',
  PER_UNIT: 'per_unit',
  BASE_PLUS_SURCHARGE: 'base_plus_surcharge',
  PERCENT_OF_VALUE: 'percent_of_value',
  MARGINAL_BANDS: 'marginal_bands',
  MATRIX: 'matrix',
} as const;

export const OnlinePriceTypes = { AMOUNT: 'amount', PERCENT: 'percent', FREE: 'free' } as const;
export const ReductionTriggerTypes = { BENEFICIARY: 'beneficiary', INPUT: 'input' } as const;
export const ReductionEffectTypes = { EXEMPT: 'exempt', PERCENT_OFF: 'percent_off', AMOUNT_OFF: 'amount_off' } as const;

/** Viet Nam dates (YYYY-MM-DD); `validTo` is the inclusive last day. */
export interface ValidityWindow {
  readonly validFrom?: string;
  readonly validTo?: string;
}

/** The price online: an explicit amount (optionally per unit), a percentage of the counter price, or free. */
export type OnlinePrice = ValidityWindow &
  (
    | { readonly type: typeof OnlinePriceTypes.AMOUNT; readonly amount: number; readonly per?: UnitInput }
    | { readonly type: typeof OnlinePriceTypes.PERCENT; readonly percent: number }
    | { readonly type: typeof OnlinePriceTypes.FREE }
  );

interface RuleBase {
  readonly code: string;
  readonly kind: FeeKind;
  readonly label: BilingualText;
  /** Legal basis, e.g. "Thông tư 226/2016/TT-BTC". */
  readonly basis: string;
  readonly rounding: Rounding;
  readonly online?: OnlinePrice;
}

export interface Tier {
  readonly from: number;
  readonly to?: number;
  readonly rate: number;
}

export interface FlatRule extends RuleBase {
  readonly type: typeof RuleTypes.FLAT;
  readonly amount: number;
}

export interface PerUnitRule extends RuleBase {
  readonly type: typeof RuleTypes.PER_UNIT;
  readonly unit: UnitInput;
  /** Priced per unit within each of these (e.g. pages per copy). */
  readonly multiplier?: UnitInput;
  readonly tiers: readonly Tier[];
  /** Cap per multiplier item (e.g. 200,000 per copy). */
  readonly cap?: number;
}

export interface BasePlusSurchargeRule extends RuleBase {
  readonly type: typeof RuleTypes.BASE_PLUS_SURCHARGE;
  readonly unit: UnitInput;
  readonly base: number;
  /** Units covered by the base price; each unit after them costs the surcharge. */
  readonly includedUnits: number;
  readonly surchargePerUnit: number;
}

export interface PercentOfValueRule extends RuleBase {
  readonly type: typeof RuleTypes.PERCENT_OF_VALUE;
  readonly percent: number;
  readonly min?: number;
  readonly max?: number;
}

export interface MarginalBand {
  /** Absent on the last band only, which has no upper bound. */
  readonly upTo?: number;
  readonly percent: number;
}

export interface MarginalBandsRule extends RuleBase {
  readonly type: typeof RuleTypes.MARGINAL_BANDS;
  /** Ascending bands; the last one has no upper bound. */
  readonly bands: readonly MarginalBand[];
}

export interface MatrixCell {
  readonly applicantType: ApplicantType;
  readonly assetType: string;
  readonly amount: number;
}

export interface MatrixRule extends RuleBase {
  readonly type: typeof RuleTypes.MATRIX;
  readonly cells: readonly MatrixCell[];
}

export type FeeRule = FlatRule | PerUnitRule | BasePlusSurchargeRule | PercentOfValueRule | MarginalBandsRule | MatrixRule;
export type FeeRuleType = FeeRule['type'];

/** What qualifies a dossier for a reduction: an evidenced beneficiary category, or an input's value. */
export type ReductionTrigger =
  | { readonly type: typeof ReductionTriggerTypes.BENEFICIARY; readonly category: BeneficiaryCategory }
  | { readonly type: typeof ReductionTriggerTypes.INPUT; readonly input: 'onTime'; readonly equals: boolean };

export type ReductionEffect =
  | { readonly type: typeof ReductionEffectTypes.EXEMPT }
  | { readonly type: typeof ReductionEffectTypes.PERCENT_OFF; readonly percent: number }
  | { readonly type: typeof ReductionEffectTypes.AMOUNT_OFF; readonly amount: number };

export interface Reduction {
  readonly code: string;
  readonly trigger: ReductionTrigger;
  readonly effect: ReductionEffect;
  /** Rule codes the reduction applies to; absent means every rule of the schedule. */
  readonly appliesTo?: readonly string[];
  readonly reason: BilingualText;
  readonly basis: string;
}

/**
 * One version of a procedure's fees, in force from `validFrom` to `validTo` (inclusive, Viet Nam
 * dates). The version in force on the submission date applies.
 */
export interface FeeSchedule {
  readonly version: string;
  readonly validFrom: string;
  readonly validTo?: string;
  readonly rules: readonly FeeRule[];
  readonly reductions: readonly Reduction[];
  readonly reductionPolicy: ReductionPolicy;
}
