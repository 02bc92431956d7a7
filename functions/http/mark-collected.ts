import { collectedOperation } from '../../shared/modules/dossiers/api/operations';
import { base } from '../../shared/app/container/base';
import { dossiers } from '../../shared/app/container/dossiers';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { submitAgencyEvent } from '../../shared/modules/dossiers/use-cases/dossiers';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, dossiers] as const;
type Deps = ContainerOf<typeof parts>;

export const makeHandler = (container: Deps) => httpRoute(collectedOperation, async ({ params, body, principal }) => {
  const deps = container.dossierDeps;
  const collectedAt = body.collectedAt ?? deps.clock.now().toISOString();
  const event = await submitAgencyEvent(deps, principal, params.dossierNo, 'ResultCollected', 'ResultCollected', { collectedAt });
  return { statusCode: 202, body: { dossierNo: event.dossierNo, eventId: event.id, type: event.type, status: 'accepted' } };
}, container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
