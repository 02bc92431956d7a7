import { collectedOperation } from '../../shared/api/operations/dossiers';
import { dossierDeps } from '../../shared/adapters/dossiers';
import { httpRoute } from '../../shared/http/route';
import { submitAgencyEvent } from '../../shared/use-cases/dossiers';

export const handler = httpRoute(collectedOperation, async ({ params, body, principal }) => {
  const deps = dossierDeps();
  const collectedAt = body.collectedAt ?? deps.clock.now().toISOString();
  const event = await submitAgencyEvent(deps, principal, params.dossierNo, 'ResultCollected', 'ResultCollected', { collectedAt });
  return { statusCode: 202, body: { dossierNo: event.dossierNo, eventId: event.id, type: event.type, status: 'accepted' } };
});
