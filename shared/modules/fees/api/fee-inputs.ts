import * as z from 'zod';
import { BeneficiaryCategorySchema, type SameShape } from '../../../platform/api/common';
import { APPLICANT_TYPES, UNIT_INPUTS, type Beneficiary, type FeeInputs, type UnitInput } from '../domain/fee-inputs';

const count = (description: string) => z.int().min(1).max(100_000).optional().meta({ description });

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
    declaredValue: z.int().min(0).max(1e15).optional().meta({ description: 'declared value in VND' }),
    applicantType: ApplicantTypeSchema.optional(),
    assetType: z.string().min(1).max(64).optional(),
    onTime: z.boolean().optional().meta({ description: 'registration made within the legal time limit' }),
  })
  .meta({ id: 'FeeInputs' }) satisfies z.ZodType<FeeInputs>;

/** Inputs that count units; rules may price per unit of these. */
export const UnitInputSchema = z.enum(UNIT_INPUTS) satisfies z.ZodType<UnitInput>;

/** A beneficiary category entitles a reduction only with evidence (a document reference). */
export const BeneficiarySchema = z
  .strictObject({
    category: BeneficiaryCategorySchema,
    evidenceRef: z.string().trim().min(1).max(200).meta({ description: 'reference of the supporting document' }),
  })
  .meta({ id: 'Beneficiary' }) satisfies z.ZodType<Beneficiary>;

/*
 * Schemas without lists parse exactly the domain's types (each way assignable, same keys): a field or a
 * value added on one side only fails the typecheck here. Those with lists are checked with `satisfies`
 * (the domain's lists are read-only, parsed ones are not).
 */
export const feeInputSchemasMatchDomain: [
  SameShape<z.infer<typeof FeeInputsSchema>, FeeInputs>,
  SameShape<z.infer<typeof BeneficiarySchema>, Beneficiary>,
] = [true, true];
