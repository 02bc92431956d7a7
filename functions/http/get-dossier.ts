import { getDossierOperation } from '../../shared/api/operations/dossiers';
import { dossierStore } from '../../shared/adapters/dossiers';
import { httpRoute } from '../../shared/http/route';
import { getDossier } from '../../shared/use-cases/dossiers';

export const handler = httpRoute(getDossierOperation, async ({ params, principal }) => ({
  statusCode: 200,
  body: await getDossier(dossierStore(), principal, params.dossierNo),
}));
