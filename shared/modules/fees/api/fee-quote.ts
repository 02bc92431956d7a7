import * as z from '../../../platform/api/zod';
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
    submittedAt: z.optional(InstantSchema).register(z.globalRegistry, { description: 'defaults to now' }),
    inputs: z._default(FeeInputsSchema, {}),
    beneficiary: z.optional(BeneficiarySchema),
    delivery: z.optional(z.strictObject({ provinceCode: ProvinceCodeSchema }))
      .register(z.globalRegistry, { description: 'destination of a postal return, to add postage' }),
  })
  .register(z.globalRegistry, { id: 'FeeQuoteRequest' }) satisfies z.ZodMiniType<FeeQuoteRequest>;

export const QuoteItemKindSchema = z.enum(QUOTE_ITEM_KINDS);

export const QuoteItemSchema = z.strictObject({
  kind: QuoteItemKindSchema.clone().register(z.globalRegistry, { description: 'fee = phí, charge = lệ phí, postage = cước bưu chính' }),
  code: z.string(),
  label: BilingualTextSchema,
  amount: VndSchema.clone().register(z.globalRegistry, { description: 'amount owed for this line after reductions' }),
  basis: z.string().register(z.globalRegistry, { description: 'the arithmetic', example: '3 trang × 1 bản: 2×2.000 + 1×1.000' }),
  legalBasis: z.string().register(z.globalRegistry, { description: 'the legal text that sets the rate', example: 'Thông tư 226/2016/TT-BTC' }),
}) satisfies z.ZodMiniType<QuoteItem>;

export const QuoteReductionSchema = z.strictObject({
  code: z.string(),
  ruleCode: z.string(),
  amount: VndSchema.clone().register(z.globalRegistry, { description: 'amount taken off the line' }),
  reason: BilingualTextSchema,
  basis: z.string(),
}) satisfies z.ZodMiniType<QuoteReduction>;

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
  .register(z.globalRegistry, { id: 'FeeQuote' }) satisfies z.ZodMiniType<FeeQuote>;

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
  .register(z.globalRegistry, { id: 'FeeAssessment' }) satisfies z.ZodMiniType<FeeAssessment>;

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
