import { getDossierOperation } from '../../shared/modules/dossiers/api/operations';
import type { Container } from '../../shared/app/container';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { getDossier } from '../../shared/modules/dossiers/use-cases/dossiers';

export const makeHandler = (container: Container) => httpRoute(getDossierOperation, async ({ params, principal }) => ({
  statusCode: 200,
  body: await getDossier(container.dossierStore, principal, params.dossierNo),
}), container.routeOptions);

export const handler = lazyHandler(makeHandler);
