import * as z from 'zod';
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
export const FeeInputNameSchema = FeeInputsSchema.keyof();

/** One input a procedure's fees in force read, and what it means. */
export const InputNeedSchema = z
  .strictObject({
    name: FeeInputNameSchema,
    required: z.boolean().meta({ description: 'true: a quote or registration without it is refused with MISSING_INPUT; false: it changes the amount when given' }),
    channel: z.literal('online').optional().meta({ description: 'set when only the online price reads it' }),
    description: BilingualTextSchema,
  })
  .meta({ id: 'InputNeed' });

/** A procedure as the catalogue file declares it. */
export const ProcedureDefinitionSchema = z.strictObject({
  code: ProcedureCodeSchema,
  name: BilingualTextSchema,
  agencyCode: AgencyCodeSchema,
  /** Submission channels the procedure accepts. */
  channels: z.array(ChannelSchema).min(1),
  /** Procedures that need the applicant in person must say false. */
  postalReturnAllowed: z.boolean(),
  /** Weight of the paper result, used to price postage. */
  resultWeightGrams: z.int().min(1).max(30_000).default(100),
  /** Legal processing time in working days; the appointment date (NgayHenTra) the portal shows. */
  processingDays: z.int().min(0).max(365).optional(),
  processingDaysNote: z.string().min(1).max(500).optional(),
  /** What each input the fees read means for this procedure; the general meaning applies otherwise. */
  inputDescriptions: z.partialRecord(FeeInputNameSchema, BilingualTextSchema).optional(),
  schedules: z.array(FeeScheduleSchema).min(1),
}) satisfies z.ZodType<ProcedureDefinition>;

export const AgencySchema = z.strictObject({
  code: AgencyCodeSchema,
  name: BilingualTextSchema,
  provinceCode: ProvinceCodeSchema,
  level: z.enum(AGENCY_LEVELS).optional(),
}) satisfies z.ZodType<Agency>;

const ScheduleSummarySchema = z.strictObject({
  version: z.string(),
  validFrom: LegalDateSchema,
  validTo: LegalDateSchema.optional(),
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
    processingDays: z.int().optional().meta({ description: 'legal processing time in working days; absent when unknown' }),
    inputs: z.array(InputNeedSchema).meta({ description: 'the `inputs` a fee quote or a dossier registration gives for the fees in force today' }),
    feesInForce: z
      .strictObject({
        version: z.string(),
        validFrom: LegalDateSchema,
        validTo: LegalDateSchema.optional(),
        rules: z.array(FeeRuleSchema),
        reductions: z.array(ReductionSchema),
      })
      .nullable()
      .meta({ description: 'the fee schedule in force today; null when none is' }),
    scheduleVersions: z.array(ScheduleSummarySchema),
  })
  .meta({ id: 'Procedure' }) satisfies z.ZodType<Procedure>;

export const ProcedurePathSchema = z.strictObject({ procedureCode: ProcedureCodeSchema });

export const ProcedureListQuerySchema = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** Compile-time: the agency schema parses exactly the domain's Agency (the others have lists: `satisfies`). */
export const agencySchemaMatchesDomain: SameShape<z.infer<typeof AgencySchema>, Agency> = true;
