import type { FeeAssessment, FeeQuoteRequest } from './fee-quote';
import { quoteFees, type QuoteContext } from './quote';

export type AssessmentRequest = Omit<FeeQuoteRequest, 'submittedAt' | 'delivery'> & { readonly submittedAt: string };

/**
 * Computes the amounts a dossier owes and freezes them: the result is a plain value, stored with the
 * dossier, that no later change of the catalogue can reach. Postage is assessed when postal return
 * is registered, not here.
 */
export function assessFees(request: AssessmentRequest, context: Omit<QuoteContext, 'postageTariff' | 'agency'>): FeeAssessment {
  const quote = quoteFees(request, { ...context, agency: undefined, postageTariff: undefined });
  return structuredClone({
    scheduleVersion: quote.scheduleVersion,
    submittedAt: quote.submittedAt,
    assessedAt: context.now.toISOString(),
    items: quote.items,
    reductions: quote.reductions,
    total: quote.total,
    currency: quote.currency,
  });
}
