import { kpiReportOperation } from '../../shared/modules/dossiers/api/operations';
import type { Container } from '../../shared/app/container';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';
import { kpiReport } from '../../shared/modules/dossiers/use-cases/kpi-report';

export const makeHandler = (container: Container) => httpRoute(kpiReportOperation, async ({ query, principal }) => ({
  statusCode: 200,
  body: await kpiReport(container.dossierStore, principal, query.agencyCode, query.month),
}), container.routeOptions);

export const handler = lazyHandler(makeHandler);
