import { kpiReportOperation } from '../../shared/modules/dossiers/api/operations';
import { base } from '../../shared/app/container/base';
import { dossierStore } from '../../shared/app/container/dossiers';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { kpiReport } from '../../shared/modules/dossiers/use-cases/kpi-report';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, dossierStore] as const;
type Deps = ContainerOf<typeof parts>;

export const makeHandler = (container: Deps) => httpRoute(kpiReportOperation, async ({ query, principal }) => ({
  statusCode: 200,
  body: await kpiReport(container.dossierStore, principal, query.agencyCode, query.month),
}), container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
