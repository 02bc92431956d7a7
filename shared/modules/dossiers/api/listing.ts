import * as z from 'zod';
import { AgencyCodeSchema, ChannelSchema, InstantSchema, LegalDateSchema, ProcedureCodeSchema, VndSchema, type SameShape } from '../../../platform/api/common';
import type { DossierSummary } from '../domain/summary';
import { DossierStatusSchema } from './dossier';
import { DossierNoSchema } from './dossier-events';

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
    feesTotal: VndSchema.meta({ description: 'the locked fee assessment' }),
    amountDue: VndSchema.meta({ description: 'still owed (fees and prepaid postage less payments)' }),
    amountPaid: VndSchema.meta({ description: 'paid and kept' }),
  })
  .meta({ id: 'DossierSummary' });

export const DossierPageSchema = z
  .strictObject({
    items: z.array(DossierSummarySchema),
    nextCursor: z.string().optional().meta({ description: 'absent on the last page; pass it back as `cursor` for the next one' }),
  })
  .meta({ id: 'DossierPage' });

const limit = z.coerce.number().int().min(1).max(100).default(20).meta({ description: 'items per page [20], at most 100' });
const cursor = z.string().min(1).max(1000).optional().meta({ description: "the previous page's `nextCursor`, with the same filters" });
const dayOrInstant = (end: string) =>
  z.union([LegalDateSchema, InstantSchema]).meta({ description: `${end} of the submission window, inclusive: a date is that whole day in Viet Nam time, an instant is that instant` });

export const MyDossiersQuerySchema = z.strictObject({ limit, cursor });

export const AgencyDossiersPathSchema = z.strictObject({ agencyCode: AgencyCodeSchema });

export const AgencyDossiersQuerySchema = z.strictObject({
  status: DossierStatusSchema.optional().meta({ description: 'only dossiers in this status' }),
  from: dayOrInstant('start').optional(),
  to: dayOrInstant('end').optional(),
  limit,
  cursor,
});

export const dossierSummaryMatchesDomain: SameShape<z.infer<typeof DossierSummarySchema>, DossierSummary> = true;
