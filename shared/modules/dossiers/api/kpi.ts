import * as z from 'zod';
import { AgencyCodeSchema } from '../../../platform/api/common';

export const KpiQuerySchema = z.strictObject({
  agencyCode: AgencyCodeSchema,
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM'),
});

const rate = z.number().min(0).max(1).nullable().meta({ description: 'fraction, 4 decimals; null when nothing to divide by' });

/** Counts and rates of one agency for dossiers submitted in one month. No personal data. */
export const KpiReportSchema = z
  .strictObject({
    agencyCode: AgencyCodeSchema,
    month: z.string(),
    counts: z.strictObject({
      dossiers: z.int(),
      submittedOnline: z.int(),
      withFees: z.int(),
      paidOnline: z.int(),
      postalReturnChosen: z.int(),
      delivered: z.int(),
      level4Completed: z.int(),
    }),
    rates: z.strictObject({
      onlineSubmissionRate: rate,
      onlinePaymentRate: rate,
      postalReturnRate: rate,
      level4Rate: rate,
    }),
  })
  .meta({ id: 'KpiReport' });
export type KpiReport = z.infer<typeof KpiReportSchema>;
