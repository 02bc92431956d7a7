import * as z from 'zod';
import { AgencyCodeSchema, InstantSchema } from '../../../platform/api/common';
import { KPI_COUNTERS } from '../domain/counters';
import { PERIOD_KINDS, PERIOD_PATTERNS, type PeriodKind } from '../domain/periods';
import { KPI_RATES } from '../domain/rates';
import { AGENCY_LEVELS } from '../domain/rollup';
import { TARGET_KEYS } from '../domain/targets';

const PERIOD_FORMATS: Readonly<Record<PeriodKind, string>> = {
  day: 'YYYY-MM-DD',
  week: 'YYYY-Www (ISO week, Monday first)',
  month: 'YYYY-MM',
  quarter: 'YYYY-Qn',
  year: 'YYYY',
};
const periodField = (kind: PeriodKind) =>
  z.string().regex(PERIOD_PATTERNS[kind], `must be ${PERIOD_FORMATS[kind]}`).optional().meta({ description: `${kind} in Viet Nam time, ${PERIOD_FORMATS[kind]}` });

/**
 * Exactly one period (`day`, `week`, `month`, `quarter` or `year`), and an agency, a level or neither
 * (the whole city, city role only). `?agencyCode=&month=` is the report agencies already read.
 */
export const KpiReportQuerySchema = z
  .strictObject({
    agencyCode: AgencyCodeSchema.optional(),
    level: z.enum(AGENCY_LEVELS).optional().meta({ description: 'department: city departments; commune: communes and wards' }),
    day: periodField('day'),
    week: periodField('week'),
    month: periodField('month'),
    quarter: periodField('quarter'),
    year: periodField('year'),
    rankBy: z.enum(KPI_RATES).optional().meta({ description: 'the rate agencies are ranked by [level4]' }),
    rankOffset: z.coerce.number().int().min(0).max(100_000).default(0).meta({ description: 'the JSON ranking page starts after this many agencies [0]; the CSV always has them all' }),
    rankLimit: z.coerce.number().int().min(1).max(100).default(20).meta({ description: 'agencies in the JSON ranking page [20]; the CSV always has them all' }),
  })
  .superRefine((query, ctx) => {
    const given = PERIOD_KINDS.filter((kind) => query[kind] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({ code: 'custom', path: [given[1] ?? 'month'], message: 'give exactly one of day, week, month, quarter, year' });
    }
    if (query.agencyCode !== undefined && query.level !== undefined) ctx.addIssue({ code: 'custom', path: ['level'], message: 'not with agencyCode' });
  });
export type KpiReportQueryInput = z.infer<typeof KpiReportQuerySchema>;

/** The one period a validated query names. */
export function periodOfQuery(query: KpiReportQueryInput): { kind: PeriodKind; id: string } {
  const kind = PERIOD_KINDS.find((k) => query[k] !== undefined)!;
  return { kind, id: query[kind]! };
}

const rate = z.number().min(0).max(1).nullable().meta({ description: 'fraction, 4 decimals; null when nothing to divide by' });
const CountsSchema = z.strictObject(Object.fromEntries(KPI_COUNTERS.map((k) => [k, z.int().min(0)])) as Record<(typeof KPI_COUNTERS)[number], z.ZodInt>);
const KpiLineSchema = z.strictObject({
  key: z.enum(KPI_RATES),
  label: z.string().meta({ description: 'Vietnamese name of the rate' }),
  numerator: z.int(),
  denominator: z.int(),
  rate,
  target: rate.meta({ description: 'the target (chỉ tiêu) for the year; null when none is set' }),
  gap: z.number().nullable().meta({ description: 'rate − target, 4 decimals; negative: behind' }),
});
const Figures = {
  counts: CountsSchema,
  kpis: z.array(KpiLineSchema),
  averageDaysToResult: z.number().nullable().meta({ description: 'days from submission to the result reaching the citizen, 1 decimal' }),
};

/** Counts, rates, targets and trend; for the city, levels and the agency ranking. No personal data. */
export const KpiReportSchema = z
  .strictObject({
    scope: z.enum(['agency', 'city', 'level']),
    agencyCode: AgencyCodeSchema.optional(),
    agencyName: z.string().optional(),
    level: z.enum(AGENCY_LEVELS).optional(),
    month: z.string().optional().meta({ description: 'the month, when the period is one (kept for earlier clients)' }),
    period: z.strictObject({ kind: z.enum(PERIOD_KINDS), id: z.string(), firstDay: z.iso.date(), lastDay: z.iso.date(), startsAt: InstantSchema, endsAt: InstantSchema }),
    ...Figures,
    nationalPortal: z
      .strictObject({ synced: z.int().min(0), pending: z.int().min(0) })
      .meta({ description: 'dossiers of the cohort synced to the National Public Service Portal, and those not (yet)' }),
    rates: z
      .strictObject({ onlineSubmissionRate: rate, onlinePaymentRate: rate, postalReturnRate: rate, level4Rate: rate })
      .meta({ description: 'the first four rates under their earlier names (kept for earlier clients)' }),
    trendGranularity: z.enum(['day', 'month']),
    trend: z.array(z.strictObject({ bucket: z.string(), rates: z.strictObject(Object.fromEntries(KPI_RATES.map((k) => [k, rate]))) })),
    levels: z.array(z.strictObject({ level: z.enum(AGENCY_LEVELS), ...Figures })).optional(),
    rankBy: z.enum(KPI_RATES).optional(),
    ranking: z
      .array(z.strictObject({ rank: z.int().nullable(), agencyCode: AgencyCodeSchema, name: z.string().optional(), level: z.enum(AGENCY_LEVELS), ...Figures }))
      .optional(),
    rankingPage: z
      .strictObject({ offset: z.int().min(0), limit: z.int().min(0), total: z.int().min(0), nextOffset: z.int().min(0).nullable() })
      .optional()
      .meta({ description: 'where `ranking` sits among all `total` agencies; pass `nextOffset` as `rankOffset` for the next page (null: last page)' }),
    computedAt: InstantSchema.nullable().optional().meta({ description: 'when the city figures were rolled up' }),
  })
  .meta({ id: 'KpiReport' });
export type KpiReport = z.infer<typeof KpiReportSchema>;

const TargetRate = z.number().min(0).max(1);
export const TargetsSchema = z
  .strictObject(Object.fromEntries(TARGET_KEYS.map((k) => [k, TargetRate.optional()])) as Record<(typeof TARGET_KEYS)[number], z.ZodOptional<typeof TargetRate>>)
  .refine((t) => Object.values(t).some((v) => v !== undefined), { message: `give at least one of ${TARGET_KEYS.join(', ')}` })
  .meta({ id: 'KpiTargets', description: 'target rates (chỉ tiêu) between 0 and 1' });

export const TargetsPathSchema = z.strictObject({
  agencyCode: AgencyCodeSchema,
  year: z.string().regex(/^20\d\d$/, 'must be a year YYYY'),
});

export const AgencyTargetsSchema = z
  .strictObject({ agencyCode: AgencyCodeSchema, year: z.string(), targets: TargetsSchema, updatedAt: InstantSchema })
  .meta({ id: 'AgencyTargets' });

export const ProposalPathSchema = z.strictObject({ year: TargetsPathSchema.shape.year });
export const ProposalRequestSchema = z.strictObject({ goals: TargetsSchema });
const ProposedSchema = z.strictObject({ agencyCode: AgencyCodeSchema, share: z.number(), actual: z.number(), target: z.number() });
export const TargetProposalSchema = z
  .strictObject({
    year: z.string(),
    basedOn: z.string(),
    goals: TargetsSchema,
    proposals: z.strictObject(Object.fromEntries(TARGET_KEYS.map((k) => [k, z.array(ProposedSchema).optional()]))),
  })
  .meta({ id: 'TargetProposal' });
