import { CURRENCY, type FeeQuote, type FeeQuoteRequest, type PricedProcedure, type ProcessingAgency, type QuoteItem, type QuoteReduction } from './fee-quote';
import type { FeeSchedule } from './fee-schedule';
import { isWithin, vietnamDate } from '../../../platform/kernel/time';
import { ChannelNotAllowedError, NoScheduleInForceError, PostalReturnNotAllowedError } from './errors';
import { quotePostage, type PostageTariff } from './postage';
import { describeEffect, reductionsForLine } from './reductions';
import { priceRuleForChannel } from './rules';

/** The schedule whose validity window holds `date` (windows of one procedure never overlap). */
export function scheduleInForce(schedules: readonly FeeSchedule[], date: string): FeeSchedule | undefined {
  return schedules.find((s) => isWithin(date, s));
}

export interface QuoteContext {
  readonly procedure: PricedProcedure;
  /** The processing agency: its province decides same-province or other-province postage. */
  readonly agency: ProcessingAgency | undefined;
  readonly postageTariff: PostageTariff | undefined;
  /** The submission instant when the request gives none. */
  readonly now: Date;
}

/**
 * Prices a dossier by the schedule in force on its submission date (Viet Nam calendar), itemised the
 * way a receipt is: one line per rule (after its reductions), postage on its own line.
 */
export function quoteFees(request: FeeQuoteRequest, context: QuoteContext): FeeQuote {
  const { procedure } = context;
  if (!procedure.channels.includes(request.channel)) throw new ChannelNotAllowedError(request.channel, procedure.channels);

  const submittedAt = request.submittedAt ? new Date(request.submittedAt) : context.now;
  const date = vietnamDate(submittedAt);
  const schedule = scheduleInForce(procedure.schedules, date);
  if (!schedule) throw new NoScheduleInForceError(date);

  const items: QuoteItem[] = [];
  const reductions: QuoteReduction[] = [];
  for (const rule of schedule.rules) {
    const price = priceRuleForChannel(rule, request.inputs, request.channel, date);
    const applied = reductionsForLine(schedule, rule.code, rule.rounding, price.amount, request.inputs, request.beneficiary);
    let amount = price.amount;
    let basis = price.basis;
    for (const { reduction, amount: off } of applied) {
      amount -= off;
      basis += `; ${describeEffect(reduction)} (${reduction.reason.vi})`;
      reductions.push({ code: reduction.code, ruleCode: rule.code, amount: off, reason: reduction.reason, basis: reduction.basis });
    }
    items.push({ kind: rule.kind, code: rule.code, label: rule.label, amount, basis, legalBasis: rule.basis });
  }

  if (request.delivery) {
    if (!procedure.postalReturnAllowed) throw new PostalReturnNotAllowedError();
    items.push(postageLine(request.delivery.provinceCode, context));
  }

  return {
    procedureCode: procedure.code,
    channel: request.channel,
    submittedAt: submittedAt.toISOString(),
    items,
    reductions,
    total: items.reduce((sum, item) => sum + item.amount, 0),
    currency: CURRENCY,
    scheduleVersion: schedule.version,
  };
}

function postageLine(toProvinceCode: string, context: QuoteContext): QuoteItem {
  if (!context.postageTariff || !context.agency) {
    throw new PostalReturnNotAllowedError('delivery');
  }
  return quotePostage(context.postageTariff, {
    fromProvinceCode: context.agency.provinceCode,
    toProvinceCode,
    weightGrams: context.procedure.resultWeightGrams,
  });
}

