import { getDossierOperation } from '../../shared/modules/dossiers/api/operations';
import { base } from '../../shared/app/container/base';
import { dossierStore } from '../../shared/app/container/dossiers';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { getDossier } from '../../shared/modules/dossiers/use-cases/dossiers';
import { portalSyncStates } from '../../shared/app/container/national-portal';
import { portalSyncView } from '../../shared/modules/national-portal';
import { financeStore } from '../../shared/app/container/finance';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, dossierStore, portalSyncStates, financeStore] as const;
type Deps = ContainerOf<typeof parts>;

export const makeHandler = (container: Deps) => httpRoute(getDossierOperation, async ({ params, principal }) => {
  // Who may see the dossier is decided first; only then is its portal sync state read (against its version).
  const dossier = await getDossier(container.dossierStore, principal, params.dossierNo);
  return {
    statusCode: 200,
    body: {
      ...dossier,
      nationalPortalSync: await portalSyncView(container.portalSyncStates, dossier),
      openFinanceExceptions: await container.financeStore.countOpenForDossier(params.dossierNo),
    },
  };
}, container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
