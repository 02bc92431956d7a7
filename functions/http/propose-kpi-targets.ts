import { proposeTargetsOperation } from '../../shared/modules/kpis/api/operations';
import { proposeAgencyTargets } from '../../shared/modules/kpis/use-cases/targets';
import { base } from '../../shared/app/container/base';
import { kpis } from '../../shared/app/container/kpis';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { httpRoute } from '../../shared/platform/http/route';

const parts = [base, kpis] as const;
type Deps = ContainerOf<typeof parts>;

export const makeHandler = (container: Deps) =>
  httpRoute(proposeTargetsOperation, async ({ params, body, principal }) => ({
    statusCode: 200,
    body: await proposeAgencyTargets({ store: container.kpiStore, directory: container.agencyDirectory, clock: container.clock }, principal, params.year, body.goals),
  }), container.routeOptions);

export const handler = lazyHandler(makeHandler, parts);
