import * as z from 'zod';

/** An integer number of Vietnamese đồng. VND has no minor unit. */
export const VndSchema = z
  .int()
  .min(0)
  .max(Number.MAX_SAFE_INTEGER)
  .meta({ description: 'Integer amount in VND (no minor unit)', example: 200000 });

/** A calendar date as written in Vietnamese legal texts (dates are those of Viet Nam, GMT+7). */
export const LegalDateSchema = z.iso.date().meta({ description: 'Date (YYYY-MM-DD) in Viet Nam time' });

/** An instant in UTC, ISO-8601 with a `Z` or an offset. */
export const InstantSchema = z.iso
  .datetime({ offset: true })
  .meta({ description: 'ISO-8601 instant', example: '2026-03-01T02:30:00Z' });

export const BilingualTextSchema = z.strictObject({
  vi: z.string().min(1).max(500),
  en: z.string().min(1).max(500),
});
export type BilingualText = z.infer<typeof BilingualTextSchema>;

/** Procedure code (mã thủ tục hành chính), e.g. `1.001234` or `2.000908`. */
export const ProcedureCodeSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'must be 1–40 letters, digits, dot, dash or underscore')
  .meta({ example: '2.000908' });

export const AgencyCodeSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'must be 1–40 letters, digits, dot, dash or underscore')
  .meta({ example: 'HP-STP' });

export const Channels = { ONLINE: 'online', COUNTER: 'counter', POSTAL: 'postal' } as const;
/** How a dossier is submitted. */
export const ChannelSchema = z.enum([Channels.ONLINE, Channels.COUNTER, Channels.POSTAL]);
export type Channel = z.infer<typeof ChannelSchema>;

export const ProvinceCodeSchema = z.string().regex(/^\d{2}$/, 'must be a 2-digit province code');

export const BeneficiaryCategorySchema = z.enum([
  'child',
  'elderly',
  'poor_household',
  'disability',
  'meritorious',
  'ethnic_minority_difficult_area',
  'student',
]);
export type BeneficiaryCategory = z.infer<typeof BeneficiaryCategorySchema>;

/** A list page: pass `nextCursor` back as `?cursor=` for the next one. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item), nextCursor: z.string().optional() });
}
