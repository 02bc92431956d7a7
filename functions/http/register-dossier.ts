import { registerDossierOperation } from '../../shared/modules/dossiers/api/operations';
import { base } from '../../shared/app/container/base';
import { dossiers } from '../../shared/app/container/dossiers';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { registerDossier } from '../../shared/modules/dossiers/use-cases/dossiers';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, dossiers] as const;
type Deps = ContainerOf<typeof parts>;

export const makeHandler = (container: Deps) => httpRoute(registerDossierOperation, async ({ params, body, principal }) => {
  const { created, dossier } = await registerDossier(container.dossierDeps, principal, params.dossierNo, body);
  return { statusCode: created ? 201 : 200, body: dossier, headers: { location: `/v1/dossiers/${encodeURIComponent(dossier.dossierNo)}` } };
}, container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
