import type { FeeCatalogue } from '../ports';
import type { FeeQuote, FeeQuoteRequest } from '../domain/fee-quote';
import { UnknownProcedureError } from '../domain/errors';
import { quoteFees } from '../domain/quote';
import type { Clock } from '../../../platform/kernel/time';

/** Loads what the fee engine needs from the catalogue and prices the request. */
export async function quoteFeesForRequest(catalogue: FeeCatalogue, clock: Clock, request: FeeQuoteRequest): Promise<FeeQuote> {
  const procedure = await catalogue.getProcedure(request.procedureCode);
  if (!procedure) throw new UnknownProcedureError(request.procedureCode);
  const needsPostage = request.delivery !== undefined;
  const [agency, postageTariff] = needsPostage
    ? await Promise.all([catalogue.getAgency(procedure.agencyCode), catalogue.getPostageTariff()])
    : [undefined, undefined];
  return quoteFees(request, { procedure, agency, postageTariff, now: clock.now() });
}
