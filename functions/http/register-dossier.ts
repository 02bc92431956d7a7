import { registerDossierOperation } from '../../shared/modules/dossiers/api/operations';
import { dossierDeps } from '../../shared/app/wiring/dossiers';
import { httpRoute } from '../../shared/platform/http/route';
import { registerDossier } from '../../shared/modules/dossiers/use-cases/dossiers';

export const handler = httpRoute(registerDossierOperation, async ({ params, body, principal }) => {
  const { created, dossier } = await registerDossier(dossierDeps(), principal, params.dossierNo, body);
  return { statusCode: created ? 201 : 200, body: dossier, headers: { location: `/v1/dossiers/${encodeURIComponent(dossier.dossierNo)}` } };
});
