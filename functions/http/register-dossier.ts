import { registerDossierOperation } from '../../shared/modules/dossiers/api/operations';
import type { Container } from '../../shared/app/container';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { registerDossier } from '../../shared/modules/dossiers/use-cases/dossiers';

export const makeHandler = (container: Container) => httpRoute(registerDossierOperation, async ({ params, body, principal }) => {
  const { created, dossier } = await registerDossier(container.dossierDeps, principal, params.dossierNo, body);
  return { statusCode: created ? 201 : 200, body: dossier, headers: { location: `/v1/dossiers/${encodeURIComponent(dossier.dossierNo)}` } };
}, container.routeOptions);

export const handler = lazyHandler(makeHandler);
