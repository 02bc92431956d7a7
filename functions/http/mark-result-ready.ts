import { resultReadyOperation } from '../../shared/api/operations/dossiers';
import { dossierDeps } from '../../shared/adapters/dossiers';
import { httpRoute } from '../../shared/http/route';
import { submitAgencyEvent } from '../../shared/use-cases/dossiers';

export const handler = httpRoute(resultReadyOperation, async ({ params, body, principal }) => {
  const event = await submitAgencyEvent(dossierDeps(), principal, params.dossierNo, 'ResultReady', 'ResultReady', body);
  return { statusCode: 202, body: { dossierNo: event.dossierNo, eventId: event.id, type: event.type, status: 'accepted' } };
});
