import * as z from '../../../platform/api/zod';
import { AgencyCodeSchema, InstantSchema } from '../../../platform/api/common';
import { KPI_COUNTERS } from '../domain/counters';
import { PERIOD_KINDS, PERIOD_PATTERNS, type PeriodKind } from '../domain/periods';
import { KPI_RATES } from '../domain/rates';
import { AGENCY_LEVELS } from '../domain/rollup';
import { TARGET_KEYS } from '../domain/targets';
import { lazily } from '../../../platform/kernel/lazy';

const PERIOD_FORMATS: Readonly<Record<PeriodKind, string>> = {
  day: 'YYYY-MM-DD',
  week: 'YYYY-Www (ISO week, Monday first)',
  month: 'YYYY-MM',
  quarter: 'YYYY-Qn',
  year: 'YYYY',
};
const periodField = (kind: PeriodKind) =>
  z.optional(z.string().check(z.regex(PERIOD_PATTERNS[kind], `must be ${PERIOD_FORMATS[kind]}`))).register(z.globalRegistry, { description: `${kind} in Viet Nam time, ${PERIOD_FORMATS[kind]}` });

/**
 * Exactly one period (`day`, `week`, `month`, `quarter` or `year`), and an agency, a level or neither
 * (the whole city, city role only). `?agencyCode=&month=` is the report agencies already read.
 */
export const KpiReportQuerySchema = z
  .strictObject({
    agencyCode: z.optional(AgencyCodeSchema),
    level: z.optional(z.enum(AGENCY_LEVELS)).register(z.globalRegistry, { description: 'department: city departments; commune: communes and wards' }),
    day: periodField('day'),
    week: periodField('week'),
    month: periodField('month'),
    quarter: periodField('quarter'),
    year: periodField('year'),
    rankBy: z.optional(z.enum(KPI_RATES)).register(z.globalRegistry, { description: 'the rate agencies are ranked by [level4]' }),
    rankOffset: z._default(z.coerce.number().check(z.int(), z.gte(0), z.lte(100_000)), 0).register(z.globalRegistry, { description: 'the JSON ranking page starts after this many agencies [0]; the CSV always has them all' }),
    rankLimit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20).register(z.globalRegistry, { description: 'agencies in the JSON ranking page [20]; the CSV always has them all' }),
  })
  .check(z.superRefine((query, ctx) => {
    const given = PERIOD_KINDS.filter((kind) => query[kind] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({ code: 'custom', path: [given[1] ?? 'month'], message: 'give exactly one of day, week, month, quarter, year' });
    }
    if (query.agencyCode !== undefined && query.level !== undefined) ctx.addIssue({ code: 'custom', path: ['level'], message: 'not with agencyCode' });
  }));
export type KpiReportQueryInput = z.infer<typeof KpiReportQuerySchema>;

/** The one period a validated query names. */
export function periodOfQuery(query: KpiReportQueryInput): { kind: PeriodKind; id: string } {
  const kind = PERIOD_KINDS.find((k) => query[k] !== undefined)!;
  return { kind, id: query[kind]! };
}

/**
 * Counts, rates, targets and trend; for the city, levels and the agency ranking. No personal data.
 * Only the OpenAPI document reads it (answers are not validated): built on first use.
 */
export const KpiReportSchema = lazily(() => {
  const rate = z.nullable(z.number().check(z.gte(0), z.lte(1))).register(z.globalRegistry, { description: 'fraction, 4 decimals; null when nothing to divide by' });
  const CountsSchema = z.strictObject(Object.fromEntries(KPI_COUNTERS.map((k) => [k, z.int().check(z.gte(0))])) as Record<(typeof KPI_COUNTERS)[number], z.ZodMiniNumberFormat>);
  const KpiLineSchema = z.strictObject({
    key: z.enum(KPI_RATES),
    label: z.string().register(z.globalRegistry, { description: 'Vietnamese name of the rate' }),
    numerator: z.int(),
    denominator: z.int(),
    rate,
    target: rate.clone().register(z.globalRegistry, { description: 'the target (chỉ tiêu) for the year; null when none is set' }),
    gap: z.nullable(z.number()).register(z.globalRegistry, { description: 'rate − target, 4 decimals; negative: behind' }),
  });
  const Figures = {
    counts: CountsSchema,
    kpis: z.array(KpiLineSchema),
    averageDaysToResult: z.nullable(z.number()).register(z.globalRegistry, { description: 'days from submission to the result reaching the citizen, 1 decimal' }),
  };
  return z
    .strictObject({
      scope: z.enum(['agency', 'city', 'level']),
      agencyCode: z.optional(AgencyCodeSchema),
      agencyName: z.optional(z.string()),
      level: z.optional(z.enum(AGENCY_LEVELS)),
      month: z.optional(z.string()).register(z.globalRegistry, { description: 'the month, when the period is one (kept for earlier clients)' }),
      period: z.strictObject({ kind: z.enum(PERIOD_KINDS), id: z.string(), firstDay: z.iso.date(), lastDay: z.iso.date(), startsAt: InstantSchema, endsAt: InstantSchema }),
      ...Figures,
      nationalPortal: z
        .strictObject({ synced: z.int().check(z.gte(0)), pending: z.int().check(z.gte(0)) })
        .register(z.globalRegistry, { description: 'dossiers of the cohort synced to the National Public Service Portal, and those not (yet)' }),
      rates: z
        .strictObject({ onlineSubmissionRate: rate, onlinePaymentRate: rate, postalReturnRate: rate, level4Rate: rate })
        .register(z.globalRegistry, { description: 'the first four rates under their earlier names (kept for earlier clients)' }),
      trendGranularity: z.enum(['day', 'month']),
      trend: z.array(z.strictObject({ bucket: z.string(), rates: z.strictObject(Object.fromEntries(KPI_RATES.map((k) => [k, rate]))) })),
      levels: z.optional(z.array(z.strictObject({ level: z.enum(AGENCY_LEVELS), ...Figures }))),
      rankBy: z.optional(z.enum(KPI_RATES)),
      ranking: z.optional(z.array(z.strictObject({ rank: z.nullable(z.int()), agencyCode: AgencyCodeSchema, name: z.optional(z.string()), level: z.enum(AGENCY_LEVELS), ...Figures }))),
      rankingPage: z.optional(z.strictObject({ offset: z.int().check(z.gte(0)), limit: z.int().check(z.gte(0)), total: z.int().check(z.gte(0)), nextOffset: z.nullable(z.int().check(z.gte(0))) }))
        .register(z.globalRegistry, { description: 'where `ranking` sits among all `total` agencies; pass `nextOffset` as `rankOffset` for the next page (null: last page)' }),
      computedAt: z.optional(z.nullable(InstantSchema)).register(z.globalRegistry, { description: 'when the city figures were rolled up' }),
    })
    .register(z.globalRegistry, { id: 'KpiReport' });
});
export type KpiReport = z.infer<ReturnType<typeof KpiReportSchema>>;

const TargetRate = z.number().check(z.gte(0), z.lte(1));
export const TargetsSchema = z
  .strictObject(Object.fromEntries(TARGET_KEYS.map((k) => [k, z.optional(TargetRate)])) as Record<(typeof TARGET_KEYS)[number], z.ZodMiniOptional<typeof TargetRate>>)
  .check(z.refine((t) => Object.values(t).some((v) => v !== undefined), { message: `give at least one of ${TARGET_KEYS.join(', ')}` }))
  .register(z.globalRegistry, { id: 'KpiTargets', description: 'target rates (chỉ tiêu) between 0 and 1' });

export const TargetsPathSchema = z.strictObject({
  agencyCode: AgencyCodeSchema,
  year: z.string().check(z.regex(/^20\d\d$/, 'must be a year YYYY')),
});

/** Answers only (built on first use, as KpiReportSchema). */
export const AgencyTargetsSchema = lazily(() =>
  z
    .strictObject({ agencyCode: AgencyCodeSchema, year: z.string(), targets: TargetsSchema, updatedAt: InstantSchema })
    .register(z.globalRegistry, { id: 'AgencyTargets' }),
);

export const ProposalPathSchema = z.strictObject({ year: TargetsPathSchema.shape.year });
export const ProposalRequestSchema = z.strictObject({ goals: TargetsSchema });
/** Answers only (built on first use, as KpiReportSchema). */
export const TargetProposalSchema = lazily(() => {
  const ProposedSchema = z.strictObject({ agencyCode: AgencyCodeSchema, share: z.number(), actual: z.number(), target: z.number() });
  return z
    .strictObject({
      year: z.string(),
      basedOn: z.string(),
      goals: TargetsSchema,
      proposals: z.strictObject(Object.fromEntries(TARGET_KEYS.map((k) => [k, z.optional(z.array(ProposedSchema))]))),
    })
    .register(z.globalRegistry, { id: 'TargetProposal' });
});
