import * as z from 'zod';
import { BeneficiaryCategorySchema, BilingualTextSchema, LegalDateSchema, VndSchema } from '../../../platform/api/common';
import { UnitInputSchema } from './fee-inputs';

/**
 * The fee schedule format of the catalogue file: every rule kind found in Vietnamese fee circulars.
 * Operators write these; the import validates them and names the faulty entry.
 */

const PercentSchema = z
  .number()
  .min(0)
  .max(100)
  .refine((p) => Math.abs(p * 10_000 - Math.round(p * 10_000)) < 1e-6, 'at most 4 decimal places')
  .meta({ description: 'percentage, e.g. 0.5 for 0.5%' });

const WindowFields = {
  validFrom: LegalDateSchema.optional(),
  /** Inclusive last day. */
  validTo: LegalDateSchema.optional(),
};

export const RoundingSchema = z.enum(['half_up', 'floor']);
export type Rounding = z.infer<typeof RoundingSchema>;

/** The price online: an explicit amount (optionally per unit), a percentage of the counter price, or free. */
export const OnlinePriceSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('amount'), amount: VndSchema, per: UnitInputSchema.optional(), ...WindowFields }),
  z.strictObject({ type: z.literal('percent'), percent: PercentSchema, ...WindowFields }),
  z.strictObject({ type: z.literal('free'), ...WindowFields }),
]);
export type OnlinePrice = z.infer<typeof OnlinePriceSchema>;

const RuleBase = {
  code: z.string().regex(/^[a-z0-9_.-]{1,60}$/),
  kind: z.enum(['fee', 'charge']).meta({ description: 'fee = phí, charge = lệ phí' }),
  label: BilingualTextSchema,
  basis: z.string().min(1).max(500).meta({ description: 'legal basis, e.g. "Thông tư 226/2016/TT-BTC"' }),
  rounding: RoundingSchema.default('half_up'),
  online: OnlinePriceSchema.optional(),
};

const TierSchema = z.strictObject({
  from: z.int().min(1),
  to: z.int().min(1).optional(),
  rate: VndSchema,
});

export const FeeRuleSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...RuleBase, type: z.literal('flat'), amount: VndSchema }),
  z.strictObject({
    ...RuleBase,
    type: z.literal('per_unit'),
    unit: UnitInputSchema,
    /** Priced per unit within each of these (e.g. pages per copy). */
    multiplier: UnitInputSchema.optional(),
    tiers: z.array(TierSchema).min(1),
    /** Cap per multiplier item (e.g. 200,000 per copy). */
    cap: VndSchema.optional(),
  }),
  z.strictObject({
    ...RuleBase,
    type: z.literal('base_plus_surcharge'),
    unit: UnitInputSchema,
    base: VndSchema,
    /** Units covered by the base price; each unit after them costs the surcharge. */
    includedUnits: z.int().min(0),
    surchargePerUnit: VndSchema,
  }),
  z.strictObject({
    ...RuleBase,
    type: z.literal('percent_of_value'),
    percent: PercentSchema,
    min: VndSchema.optional(),
    max: VndSchema.optional(),
  }),
  z.strictObject({
    ...RuleBase,
    type: z.literal('marginal_bands'),
    /** Ascending bands; the last one has no upper bound. */
    bands: z.array(z.strictObject({ upTo: VndSchema.optional(), percent: PercentSchema })).min(1),
  }),
  z.strictObject({
    ...RuleBase,
    type: z.literal('matrix'),
    cells: z
      .array(
        z.strictObject({
          applicantType: z.enum(['individual', 'organisation']),
          assetType: z.string().min(1).max(64),
          amount: VndSchema,
        }),
      )
      .min(1),
  }),
]);
export type FeeRule = z.infer<typeof FeeRuleSchema>;
export type FeeRuleType = FeeRule['type'];

/** What qualifies a dossier for a reduction: an evidenced beneficiary category, or an input's value. */
export const ReductionTriggerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('beneficiary'), category: BeneficiaryCategorySchema }),
  z.strictObject({ type: z.literal('input'), input: z.literal('onTime'), equals: z.boolean() }),
]);

export const ReductionEffectSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('exempt') }),
  z.strictObject({ type: z.literal('percent_off'), percent: PercentSchema }),
  z.strictObject({ type: z.literal('amount_off'), amount: VndSchema }),
]);

export const ReductionSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9_.-]{1,60}$/),
  trigger: ReductionTriggerSchema,
  effect: ReductionEffectSchema,
  /** Rule codes the reduction applies to; absent means every rule of the schedule. */
  appliesTo: z.array(z.string()).min(1).optional(),
  reason: BilingualTextSchema,
  basis: z.string().min(1).max(500),
});
export type Reduction = z.infer<typeof ReductionSchema>;

/**
 * One version of a procedure's fees, in force from `validFrom` to `validTo` (inclusive, Viet Nam
 * dates). The version in force on the submission date applies.
 */
export const FeeScheduleSchema = z.strictObject({
  version: z.string().min(1).max(60),
  validFrom: LegalDateSchema,
  validTo: LegalDateSchema.optional(),
  rules: z.array(FeeRuleSchema),
  reductions: z.array(ReductionSchema).default([]),
  /** Whether several applicable reductions stack or only the most favourable applies (unverified in law). */
  reductionPolicy: z.enum(['most_favourable', 'stack']).default('most_favourable'),
});
export type FeeSchedule = z.infer<typeof FeeScheduleSchema>;
