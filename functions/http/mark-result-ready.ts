import { resultReadyOperation } from '../../shared/modules/dossiers/api/operations';
import { dossierDeps } from '../../shared/app/wiring/dossiers';
import { httpRoute } from '../../shared/platform/http/route';
import { submitAgencyEvent } from '../../shared/modules/dossiers/use-cases/dossiers';

export const handler = httpRoute(resultReadyOperation, async ({ params, body, principal }) => {
  const event = await submitAgencyEvent(dossierDeps(), principal, params.dossierNo, 'ResultReady', 'ResultReady', body);
  return { statusCode: 202, body: { dossierNo: event.dossierNo, eventId: event.id, type: event.type, status: 'accepted' } };
});
