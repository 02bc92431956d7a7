import * as z from 'zod';
import { BilingualTextSchema, ChannelSchema, InstantSchema, ProcedureCodeSchema, ProvinceCodeSchema, VndSchema, type SameShape } from '../../../platform/api/common';
import { BeneficiarySchema, FeeInputsSchema } from './fee-inputs';
import {
  CURRENCY,
  QUOTE_ITEM_KINDS,
  type FeeAssessment,
  type FeeQuote,
  type FeeQuoteRequest,
  type QuoteItem,
  type QuoteReduction,
} from '../domain/fee-quote';

/**
 * POST /v1/fees/quote request.
 * @example {"procedureCode":"2.000908","channel":"online","inputs":{"pages":3,"copies":1}}
 */
export const FeeQuoteRequestSchema = z
  .strictObject({
    procedureCode: ProcedureCodeSchema,
    channel: ChannelSchema,
    submittedAt: InstantSchema.optional().meta({ description: 'defaults to now' }),
    inputs: FeeInputsSchema.default({}),
    beneficiary: BeneficiarySchema.optional(),
    delivery: z
      .strictObject({ provinceCode: ProvinceCodeSchema })
      .optional()
      .meta({ description: 'destination of a postal return, to add postage' }),
  })
  .meta({ id: 'FeeQuoteRequest' }) satisfies z.ZodType<FeeQuoteRequest>;

export const QuoteItemKindSchema = z.enum(QUOTE_ITEM_KINDS);

export const QuoteItemSchema = z.strictObject({
  kind: QuoteItemKindSchema.meta({ description: 'fee = phí, charge = lệ phí, postage = cước bưu chính' }),
  code: z.string(),
  label: BilingualTextSchema,
  amount: VndSchema.meta({ description: 'amount owed for this line after reductions' }),
  basis: z.string().meta({ description: 'the arithmetic', example: '3 trang × 1 bản: 2×2.000 + 1×1.000' }),
  legalBasis: z.string().meta({ description: 'the legal text that sets the rate', example: 'Thông tư 226/2016/TT-BTC' }),
}) satisfies z.ZodType<QuoteItem>;

export const QuoteReductionSchema = z.strictObject({
  code: z.string(),
  ruleCode: z.string(),
  amount: VndSchema.meta({ description: 'amount taken off the line' }),
  reason: BilingualTextSchema,
  basis: z.string(),
}) satisfies z.ZodType<QuoteReduction>;

/** An itemised quote, the way a receipt is itemised. */
export const FeeQuoteSchema = z
  .strictObject({
    procedureCode: ProcedureCodeSchema,
    channel: ChannelSchema,
    submittedAt: InstantSchema,
    items: z.array(QuoteItemSchema),
    reductions: z.array(QuoteReductionSchema),
    total: VndSchema,
    currency: z.literal(CURRENCY),
    scheduleVersion: z.string(),
  })
  .meta({ id: 'FeeQuote' }) satisfies z.ZodType<FeeQuote>;

/**
 * The fees of a registered dossier, priced once at registration by the schedule in force on its
 * submission date and stored with that schedule's version: later schedules never change it.
 */
export const FeeAssessmentSchema = z
  .strictObject({
    scheduleVersion: z.string(),
    submittedAt: InstantSchema,
    assessedAt: InstantSchema,
    items: z.array(QuoteItemSchema),
    reductions: z.array(QuoteReductionSchema),
    total: VndSchema,
    currency: z.literal(CURRENCY),
  })
  .meta({ id: 'FeeAssessment' }) satisfies z.ZodType<FeeAssessment>;

/*
 * Schemas without lists parse exactly the domain's types (each way assignable, same keys): a field or a
 * value added on one side only fails the typecheck here. Those with lists are checked with `satisfies`
 * (the domain's lists are read-only, parsed ones are not).
 */
export const feeQuoteSchemasMatchDomain: [
  SameShape<z.infer<typeof FeeQuoteRequestSchema>, FeeQuoteRequest>,
  SameShape<z.infer<typeof QuoteItemSchema>, QuoteItem>,
  SameShape<z.infer<typeof QuoteReductionSchema>, QuoteReduction>,
] = [true, true, true];
