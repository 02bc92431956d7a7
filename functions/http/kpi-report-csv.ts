import { kpiCsvOperation } from '../../shared/modules/kpis/api/operations';
import { periodOfQuery } from '../../shared/modules/kpis/api/schemas';
import { kpiReport } from '../../shared/modules/kpis/use-cases/report';
import { reportCsv } from '../../shared/modules/kpis/use-cases/csv';
import { base } from '../../shared/app/container/base';
import { kpis } from '../../shared/app/container/kpis';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';

const parts = [base, kpis] as const;
type Deps = ContainerOf<typeof parts>;

/** The report as CSV, named after its scope and period so that downloads do not overwrite each other. */
export const makeHandler = (container: Deps) =>
  httpRoute(kpiCsvOperation, async ({ query, principal }) => {
    const { agencyCode, level, rankBy } = query;
    const period = periodOfQuery(query);
    const view = await kpiReport({ store: container.kpiStore, directory: container.agencyDirectory }, principal, {
      ...(agencyCode ? { agencyCode } : {}),
      ...(level ? { level } : {}),
      ...(rankBy ? { rankBy } : {}),
      period,
    });
    const filename = `chi-so-${agencyCode ?? level ?? 'toan-thanh-pho'}-${period.id}.csv`;
    return {
      statusCode: 200,
      body: reportCsv(view),
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'private, no-store' },
    };
  }, container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
