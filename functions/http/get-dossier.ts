import { getDossierOperation } from '../../shared/modules/dossiers/api/operations';
import { dossierStore } from '../../shared/app/wiring/dossiers';
import { httpRoute } from '../../shared/platform/http/route';
import { getDossier } from '../../shared/modules/dossiers/use-cases/dossiers';

export const handler = httpRoute(getDossierOperation, async ({ params, principal }) => ({
  statusCode: 200,
  body: await getDossier(dossierStore(), principal, params.dossierNo),
}));
