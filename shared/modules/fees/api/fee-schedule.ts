import * as z from '../../../platform/api/zod';
import { BeneficiaryCategorySchema, BilingualTextSchema, LegalDateSchema, VndSchema } from '../../../platform/api/common';
import { ApplicantTypeSchema, UnitInputSchema } from './fee-inputs';
import {
  FEE_KINDS,
  OnlinePriceTypes,
  REDUCTION_POLICIES,
  ReductionEffectTypes,
  ReductionTriggerTypes,
  ROUNDING_MODES,
  RuleTypes,
  type FeeRule,
  type FeeSchedule,
  type OnlinePrice,
  type Reduction,
  type Rounding,
} from '../domain/fee-schedule';

/**
 * The fee schedule format of the catalogue file, built from the vocabularies of domain/fee-schedule.ts
 * and checked against its types. Operators write these; the import validates them and names the faulty
 * entry.
 */

const PercentSchema = z
  .number()
  .check(z.gte(0), z.lte(100), z.refine((p) => Math.abs(p * 10_000 - Math.round(p * 10_000)) < 1e-6, 'at most 4 decimal places'))
  .register(z.globalRegistry, { description: 'percentage, e.g. 0.5 for 0.5%' });

const WindowFields = {
  validFrom: z.optional(LegalDateSchema),
  /** Inclusive last day. */
  validTo: z.optional(LegalDateSchema),
};

export const RoundingSchema = z.enum(ROUNDING_MODES) satisfies z.ZodMiniType<Rounding>;

/** The price online: an explicit amount (optionally per unit), a percentage of the counter price, or free. */
export const OnlinePriceSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal(OnlinePriceTypes.AMOUNT), amount: VndSchema, per: z.optional(UnitInputSchema), ...WindowFields }),
  z.strictObject({ type: z.literal(OnlinePriceTypes.PERCENT), percent: PercentSchema, ...WindowFields }),
  z.strictObject({ type: z.literal(OnlinePriceTypes.FREE), ...WindowFields }),
]) satisfies z.ZodMiniType<OnlinePrice>;

const RuleBase = {
  code: z.string().check(z.regex(/^[a-z0-9_.-]{1,60}$/)),
  kind: z.enum(FEE_KINDS).register(z.globalRegistry, { description: 'fee = phí, charge = lệ phí' }),
  label: BilingualTextSchema,
  basis: z.string().check(z.minLength(1), z.maxLength(500)).register(z.globalRegistry, { description: 'legal basis, e.g. "Thông tư 226/2016/TT-BTC"' }),
  rounding: z._default(RoundingSchema, 'half_up'),
  online: z.optional(OnlinePriceSchema),
};

const TierSchema = z.strictObject({
  from: z.int().check(z.gte(1)),
  to: z.optional(z.int().check(z.gte(1))),
  rate: VndSchema,
});

export const FeeRuleSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...RuleBase, type: z.literal(RuleTypes.FLAT), amount: VndSchema }),
  z.strictObject({
    ...RuleBase,
    type: z.literal(RuleTypes.PER_UNIT),
    unit: UnitInputSchema,
    /** Priced per unit within each of these (e.g. pages per copy). */
    multiplier: z.optional(UnitInputSchema),
    tiers: z.array(TierSchema).check(z.minLength(1)),
    /** Cap per multiplier item (e.g. 200,000 per copy). */
    cap: z.optional(VndSchema),
  }),
  z.strictObject({
    ...RuleBase,
    type: z.literal(RuleTypes.BASE_PLUS_SURCHARGE),
    unit: UnitInputSchema,
    base: VndSchema,
    /** Units covered by the base price; each unit after them costs the surcharge. */
    includedUnits: z.int().check(z.gte(0)),
    surchargePerUnit: VndSchema,
  }),
  z.strictObject({
    ...RuleBase,
    type: z.literal(RuleTypes.PERCENT_OF_VALUE),
    percent: PercentSchema,
    min: z.optional(VndSchema),
    max: z.optional(VndSchema),
  }),
  z.strictObject({
    ...RuleBase,
    type: z.literal(RuleTypes.MARGINAL_BANDS),
    /** Ascending bands; the last one has no upper bound. */
    bands: z.array(z.strictObject({ upTo: z.optional(VndSchema), percent: PercentSchema })).check(z.minLength(1)),
  }),
  z.strictObject({
    ...RuleBase,
    type: z.literal(RuleTypes.MATRIX),
    cells: z
      .array(
        z.strictObject({
          applicantType: ApplicantTypeSchema,
          assetType: z.string().check(z.minLength(1), z.maxLength(64)),
          amount: VndSchema,
        }),
      )
      .check(z.minLength(1)),
  }),
]) satisfies z.ZodMiniType<FeeRule>;

/** What qualifies a dossier for a reduction: an evidenced beneficiary category, or an input's value. */
export const ReductionTriggerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal(ReductionTriggerTypes.BENEFICIARY), category: BeneficiaryCategorySchema }),
  z.strictObject({ type: z.literal(ReductionTriggerTypes.INPUT), input: z.literal('onTime'), equals: z.boolean() }),
]);

export const ReductionEffectSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal(ReductionEffectTypes.EXEMPT) }),
  z.strictObject({ type: z.literal(ReductionEffectTypes.PERCENT_OFF), percent: PercentSchema }),
  z.strictObject({ type: z.literal(ReductionEffectTypes.AMOUNT_OFF), amount: VndSchema }),
]);

export const ReductionSchema = z.strictObject({
  code: z.string().check(z.regex(/^[a-z0-9_.-]{1,60}$/)),
  trigger: ReductionTriggerSchema,
  effect: ReductionEffectSchema,
  /** Rule codes the reduction applies to; absent means every rule of the schedule. */
  appliesTo: z.optional(z.array(z.string()).check(z.minLength(1))),
  reason: BilingualTextSchema,
  basis: z.string().check(z.minLength(1), z.maxLength(500)),
}) satisfies z.ZodMiniType<Reduction>;

/**
 * One version of a procedure's fees, in force from `validFrom` to `validTo` (inclusive, Viet Nam
 * dates). The version in force on the submission date applies.
 */
export const FeeScheduleSchema = z.strictObject({
  version: z.string().check(z.minLength(1), z.maxLength(60)),
  validFrom: LegalDateSchema,
  validTo: z.optional(LegalDateSchema),
  rules: z.array(FeeRuleSchema),
  reductions: z._default(z.array(ReductionSchema), []),
  /** Whether several applicable reductions stack or only the most favourable applies (unverified in law). */
  reductionPolicy: z._default(z.enum(REDUCTION_POLICIES), 'most_favourable'),
}) satisfies z.ZodMiniType<FeeSchedule>;
