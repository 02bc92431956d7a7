import * as z from '../../../platform/api/zod';
import {
  AgencyCodeSchema,
  BilingualTextSchema,
  ChannelSchema,
  LegalDateSchema,
  ProcedureCodeSchema,
  ProvinceCodeSchema,
  type SameShape,
} from '../../../platform/api/common';
import { FeeInputsSchema, FeeRuleSchema, FeeScheduleSchema, ReductionSchema } from '../../fees';
import { AGENCY_LEVELS, type Agency, type Procedure, type ProcedureDefinition } from '../domain/catalogue';

/** The name of an input of a quote or a dossier (a key of FeeInputs). */
export const FeeInputNameSchema = z.keyof(FeeInputsSchema);

/** One input a procedure's fees in force read, and what it means. */
export const InputNeedSchema = z
  .strictObject({
    name: FeeInputNameSchema,
    required: z.boolean().register(z.globalRegistry, { description: 'true: a quote or registration without it is refused with MISSING_INPUT; false: it changes the amount when given' }),
    channel: z.optional(z.literal('online')).register(z.globalRegistry, { description: 'set when only the online price reads it' }),
    description: BilingualTextSchema,
  })
  .register(z.globalRegistry, { id: 'InputNeed' });

/** A procedure as the catalogue file declares it. */
export const ProcedureDefinitionSchema = z.strictObject({
  code: ProcedureCodeSchema,
  name: BilingualTextSchema,
  agencyCode: AgencyCodeSchema,
  /** Submission channels the procedure accepts. */
  channels: z.array(ChannelSchema).check(z.minLength(1)),
  /** Procedures that need the applicant in person must say false. */
  postalReturnAllowed: z.boolean(),
  /** Weight of the paper result, used to price postage. */
  resultWeightGrams: z._default(z.int().check(z.gte(1), z.lte(30_000)), 100),
  /** Legal processing time in working days; the appointment date (NgayHenTra) the portal shows. */
  processingDays: z.optional(z.int().check(z.gte(0), z.lte(365))),
  processingDaysNote: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
  /** What each input the fees read means for this procedure; the general meaning applies otherwise. */
  inputDescriptions: z.optional(z.partialRecord(FeeInputNameSchema, BilingualTextSchema)),
  schedules: z.array(FeeScheduleSchema).check(z.minLength(1)),
}) satisfies z.ZodMiniType<ProcedureDefinition>;

export const AgencySchema = z.strictObject({
  code: AgencyCodeSchema,
  name: BilingualTextSchema,
  provinceCode: ProvinceCodeSchema,
  level: z.optional(z.enum(AGENCY_LEVELS)),
}) satisfies z.ZodMiniType<Agency>;

const ScheduleSummarySchema = z.strictObject({
  version: z.string(),
  validFrom: LegalDateSchema,
  validTo: z.optional(LegalDateSchema),
});

/** A procedure as the API shows it: the schedule in force today and the versions on record. */
export const ProcedureSchema = z
  .strictObject({
    code: ProcedureCodeSchema,
    name: BilingualTextSchema,
    agencyCode: AgencyCodeSchema,
    channels: z.array(ChannelSchema),
    onlineAllowed: z.boolean(),
    postalReturnAllowed: z.boolean(),
    resultWeightGrams: z.int(),
    processingDays: z.optional(z.int()).register(z.globalRegistry, { description: 'legal processing time in working days; absent when unknown' }),
    inputs: z.array(InputNeedSchema).register(z.globalRegistry, { description: 'the `inputs` a fee quote or a dossier registration gives for the fees in force today' }),
    feesInForce: z.nullable(z.strictObject({
        version: z.string(),
        validFrom: LegalDateSchema,
        validTo: z.optional(LegalDateSchema),
        rules: z.array(FeeRuleSchema),
        reductions: z.array(ReductionSchema),
      }))
      .register(z.globalRegistry, { description: 'the fee schedule in force today; null when none is' }),
    scheduleVersions: z.array(ScheduleSummarySchema),
  })
  .register(z.globalRegistry, { id: 'Procedure' }) satisfies z.ZodMiniType<Procedure>;

export const ProcedurePathSchema = z.strictObject({ procedureCode: ProcedureCodeSchema });

export const ProcedureListQuerySchema = z.strictObject({
  cursor: z.optional(z.string().check(z.maxLength(500))),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
});

/** Compile-time: the agency schema parses exactly the domain's Agency (the others have lists: `satisfies`). */
export const agencySchemaMatchesDomain: SameShape<z.infer<typeof AgencySchema>, Agency> = true;
