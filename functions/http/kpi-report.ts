import { kpiReportOperation } from '../../shared/modules/dossiers/api/operations';
import { dossierStore } from '../../shared/app/wiring/dossiers';
import { httpRoute } from '../../shared/platform/http/route';
import { kpiReport } from '../../shared/modules/dossiers/use-cases/kpi-report';

export const handler = httpRoute(kpiReportOperation, async ({ query, principal }) => ({
  statusCode: 200,
  body: await kpiReport(dossierStore(), principal, query.agencyCode, query.month),
}));
