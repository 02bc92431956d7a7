import type { CatalogueReader } from '../ports/catalogue';
import type { FeeAssessment } from '../schemas/fee-quote';
import { assessFees, type AssessmentRequest } from '../domain/fees/assessment';
import { UnknownProcedureError } from '../domain/fees/errors';
import type { Clock } from '../domain/time';

/** The fee assessment dossier registration stores: catalogue read, then the pure engine. */
export async function assessFeesForDossier(catalogue: CatalogueReader, clock: Clock, request: AssessmentRequest): Promise<FeeAssessment> {
  const procedure = await catalogue.getProcedure(request.procedureCode);
  if (!procedure) throw new UnknownProcedureError(request.procedureCode);
  return assessFees(request, { procedure, now: clock.now() });
}
