import type { FeeCatalogue } from '../ports';
import type { FeeAssessment } from '../domain/fee-quote';
import { assessFees, type AssessmentRequest } from '../domain/assessment';
import { UnknownProcedureError } from '../domain/errors';
import type { Clock } from '../../../platform/kernel/time';

/** The fee assessment dossier registration stores: catalogue read, then the pure engine. */
export async function assessFeesForDossier(catalogue: Pick<FeeCatalogue, 'getProcedure'>, clock: Clock, request: AssessmentRequest): Promise<FeeAssessment> {
  const procedure = await catalogue.getProcedure(request.procedureCode);
  if (!procedure) throw new UnknownProcedureError(request.procedureCode);
  return assessFees(request, { procedure, now: clock.now() });
}
