import { registerDossierOperation } from '../../shared/api/operations/dossiers';
import { dossierDeps } from '../../shared/adapters/dossiers';
import { httpRoute } from '../../shared/http/route';
import { registerDossier } from '../../shared/use-cases/dossiers';

export const handler = httpRoute(registerDossierOperation, async ({ params, body, principal }) => {
  const { created, dossier } = await registerDossier(dossierDeps(), principal, params.dossierNo, body);
  return { statusCode: created ? 201 : 200, body: dossier, headers: { location: `/v1/dossiers/${encodeURIComponent(dossier.dossierNo)}` } };
});
