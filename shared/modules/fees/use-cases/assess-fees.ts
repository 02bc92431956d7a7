import type { CatalogueReader } from '../../catalogue';
import type { FeeAssessment } from '../api/fee-quote';
import { assessFees, type AssessmentRequest } from '../domain/assessment';
import { UnknownProcedureError } from '../domain/errors';
import type { Clock } from '../../../platform/kernel/time';

/** The fee assessment dossier registration stores: catalogue read, then the pure engine. */
export async function assessFeesForDossier(catalogue: CatalogueReader, clock: Clock, request: AssessmentRequest): Promise<FeeAssessment> {
  const procedure = await catalogue.getProcedure(request.procedureCode);
  if (!procedure) throw new UnknownProcedureError(request.procedureCode);
  return assessFees(request, { procedure, now: clock.now() });
}
