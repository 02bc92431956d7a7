import { listAgencyDossiersOperation, listMyDossiersOperation } from '../../shared/modules/dossiers/api/operations';
import { listAgencyDossiers, listMyDossiers } from '../../shared/modules/dossiers/use-cases/list-dossiers';
import { base } from '../../shared/app/container/base';
import { dossierListing } from '../../shared/app/container/dossiers';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { httpRouteTable } from '../../shared/platform/http/route-table';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, dossierListing] as const;
type Deps = ContainerOf<typeof parts>;

/** Personal lists: never cached by a shared cache. */
const PRIVATE = { 'cache-control': 'private, no-store' } as const;

/** Dossier lists (a citizen's own, an agency's work queue): one indexed query per page, from one function. */
export const makeHandler = (container: Deps) =>
  httpRouteTable([
    [
      listMyDossiersOperation,
      httpRoute(listMyDossiersOperation, async ({ query, principal }) => ({
        statusCode: 200,
        body: await listMyDossiers(container.dossierListing, principal, query),
        headers: PRIVATE,
      }), container.routeOptions),
    ],
    [
      listAgencyDossiersOperation,
      httpRoute(listAgencyDossiersOperation, async ({ params, query, principal }) => ({
        statusCode: 200,
        body: await listAgencyDossiers(container.dossierListing, principal, params.agencyCode, query),
        headers: PRIVATE,
      }), container.routeOptions),
    ],
  ]);

export const handler = lazyHandler(makeHandler, parts);
