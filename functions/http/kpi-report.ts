import { kpiReportOperation } from '../../shared/api/operations/dossiers';
import { dossierStore } from '../../shared/adapters/dossiers';
import { httpRoute } from '../../shared/http/route';
import { kpiReport } from '../../shared/use-cases/kpi-report';

export const handler = httpRoute(kpiReportOperation, async ({ query, principal }) => ({
  statusCode: 200,
  body: await kpiReport(dossierStore(), principal, query.agencyCode, query.month),
}));
