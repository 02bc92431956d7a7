import { kpiReportOperation } from '../../shared/modules/kpis/api/operations';
import { periodOfQuery } from '../../shared/modules/kpis/api/schemas';
import { reportResponse } from '../../shared/modules/kpis/api/report-response';
import { kpiReport } from '../../shared/modules/kpis/use-cases/report';
import { base } from '../../shared/app/container/base';
import { kpis } from '../../shared/app/container/kpis';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';

/** The parts of the wiring this function reads; its bundle carries only their adapters. */
const parts = [base, kpis] as const;
type Deps = ContainerOf<typeof parts>;

export const makeHandler = (container: Deps) =>
  httpRoute(kpiReportOperation, async ({ query, principal }) => {
    const { agencyCode, level, rankBy, rankOffset, rankLimit } = query;
    const view = await kpiReport({ store: container.kpiStore, directory: container.agencyDirectory }, principal, {
      ...(agencyCode ? { agencyCode } : {}),
      ...(level ? { level } : {}),
      ...(rankBy ? { rankBy } : {}),
      rankPage: { offset: rankOffset, limit: rankLimit },
      period: periodOfQuery(query),
    });
    return { statusCode: 200, body: reportResponse(view), headers: { 'cache-control': 'private, no-store' } };
  }, container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
