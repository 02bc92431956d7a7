import * as z from '../../../platform/api/zod';
import { BeneficiaryCategorySchema, type SameShape } from '../../../platform/api/common';
import { APPLICANT_TYPES, UNIT_INPUTS, type Beneficiary, type FeeInputs, type UnitInput } from '../domain/fee-inputs';

const count = (description: string) => z.optional(z.int().check(z.gte(1), z.lte(100_000))).register(z.globalRegistry, { description });

export const ApplicantTypeSchema = z.enum(APPLICANT_TYPES);

/**
 * What a quote or a dossier tells the fee engine. Each field is optional: a rule says which it needs,
 * and a missing one is reported against its path.
 * @example {"pages":3,"copies":1}
 */
export const FeeInputsSchema = z
  .strictObject({
    pages: count('pages of the document (per copy)'),
    copies: count('number of copies'),
    signatures: count('number of signatures'),
    persons: count('number of persons'),
    certificates: count('number of certificates requested'),
    declaredValue: z.optional(z.int().check(z.gte(0), z.lte(1e15))).register(z.globalRegistry, { description: 'declared value in VND' }),
    applicantType: z.optional(ApplicantTypeSchema),
    assetType: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    onTime: z.optional(z.boolean()).register(z.globalRegistry, { description: 'registration made within the legal time limit' }),
  })
  .register(z.globalRegistry, { id: 'FeeInputs' }) satisfies z.ZodMiniType<FeeInputs>;

/** Inputs that count units; rules may price per unit of these. */
export const UnitInputSchema = z.enum(UNIT_INPUTS) satisfies z.ZodMiniType<UnitInput>;

/** A beneficiary category entitles a reduction only with evidence (a document reference). */
export const BeneficiarySchema = z
  .strictObject({
    category: BeneficiaryCategorySchema,
    evidenceRef: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)).register(z.globalRegistry, { description: 'reference of the supporting document' }),
  })
  .register(z.globalRegistry, { id: 'Beneficiary' }) satisfies z.ZodMiniType<Beneficiary>;

/*
 * Schemas without lists parse exactly the domain's types (each way assignable, same keys): a field or a
 * value added on one side only fails the typecheck here. Those with lists are checked with `satisfies`
 * (the domain's lists are read-only, parsed ones are not).
 */
export const feeInputSchemasMatchDomain: [
  SameShape<z.infer<typeof FeeInputsSchema>, FeeInputs>,
  SameShape<z.infer<typeof BeneficiarySchema>, Beneficiary>,
] = [true, true];
