import { setTargetsOperation } from '../../shared/modules/kpis/api/operations';
import { setAgencyTargets } from '../../shared/modules/kpis/use-cases/targets';
import { base } from '../../shared/app/container/base';
import { kpis } from '../../shared/app/container/kpis';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';

const parts = [base, kpis] as const;
type Deps = ContainerOf<typeof parts>;

export const makeHandler = (container: Deps) =>
  httpRoute(setTargetsOperation, async ({ params, body, principal }) => ({
    statusCode: 200,
    body: await setAgencyTargets(
      { store: container.kpiStore, directory: container.agencyDirectory, clock: container.clock },
      principal,
      params.agencyCode,
      params.year,
      body,
    ),
  }), container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
