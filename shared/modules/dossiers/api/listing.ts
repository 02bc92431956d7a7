import * as z from '../../../platform/api/zod';
import { AgencyCodeSchema, ChannelSchema, InstantSchema, LegalDateSchema, ProcedureCodeSchema, VndSchema, type SameShape } from '../../../platform/api/common';
import type { DossierSummary } from '../domain/summary';
import { DossierNoSchema, DossierStatusSchema } from './vocabulary';

/** One line of a dossier list: no applicant, no timeline (GET /v1/dossiers/{dossierNo} has them). */
export const DossierSummarySchema = z
  .strictObject({
    dossierNo: DossierNoSchema,
    procedureCode: ProcedureCodeSchema,
    agencyCode: AgencyCodeSchema,
    channel: ChannelSchema,
    status: DossierStatusSchema,
    submittedAt: InstantSchema,
    updatedAt: InstantSchema,
    feesTotal: VndSchema.clone().register(z.globalRegistry, { description: 'the locked fee assessment' }),
    amountDue: VndSchema.clone().register(z.globalRegistry, { description: 'still owed (fees and prepaid postage less payments)' }),
    amountPaid: VndSchema.clone().register(z.globalRegistry, { description: 'paid and kept' }),
  })
  .register(z.globalRegistry, { id: 'DossierSummary' });

export const DossierPageSchema = z
  .strictObject({
    items: z.array(DossierSummarySchema),
    nextCursor: z.optional(z.string()).register(z.globalRegistry, { description: 'absent on the last page; pass it back as `cursor` for the next one' }),
  })
  .register(z.globalRegistry, { id: 'DossierPage' });

const limit = z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20).register(z.globalRegistry, { description: 'items per page [20], at most 100' });
const cursor = z.optional(z.string().check(z.minLength(1), z.maxLength(1000))).register(z.globalRegistry, { description: "the previous page's `nextCursor`, with the same filters" });
const dayOrInstant = (end: string) =>
  z.union([LegalDateSchema, InstantSchema]).register(z.globalRegistry, { description: `${end} of the submission window, inclusive: a date is that whole day in Viet Nam time, an instant is that instant` });

export const MyDossiersQuerySchema = z.strictObject({ limit, cursor });

export const AgencyDossiersPathSchema = z.strictObject({ agencyCode: AgencyCodeSchema });

export const AgencyDossiersQuerySchema = z.strictObject({
  status: z.optional(DossierStatusSchema).register(z.globalRegistry, { description: 'only dossiers in this status' }),
  from: z.optional(dayOrInstant('start')),
  to: z.optional(dayOrInstant('end')),
  limit,
  cursor,
});

export const dossierSummaryMatchesDomain: SameShape<z.infer<typeof DossierSummarySchema>, DossierSummary> = true;
