import { collectedOperation } from '../../shared/modules/dossiers/api/operations';
import type { Container } from '../../shared/app/container';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { submitAgencyEvent } from '../../shared/modules/dossiers/use-cases/dossiers';

export const makeHandler = (container: Container) => httpRoute(collectedOperation, async ({ params, body, principal }) => {
  const deps = container.dossierDeps;
  const collectedAt = body.collectedAt ?? deps.clock.now().toISOString();
  const event = await submitAgencyEvent(deps, principal, params.dossierNo, 'ResultCollected', 'ResultCollected', { collectedAt });
  return { statusCode: 202, body: { dossierNo: event.dossierNo, eventId: event.id, type: event.type, status: 'accepted' } };
}, container.routeOptions);

export const handler = lazyHandler(makeHandler);
