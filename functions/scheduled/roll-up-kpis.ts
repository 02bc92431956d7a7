import { rollUpKpis } from '../../shared/modules/kpis/use-cases/rollup';
import { base } from '../../shared/app/container/base';
import { kpis } from '../../shared/app/container/kpis';
import type { ContainerOf } from '../../shared/app/container/part';
import { lazyHandler } from '../../shared/app/lazy-handler';
import { logger } from '../../shared/platform/observability/logger';

const parts = [base, kpis] as const;
type Deps = ContainerOf<typeof parts>;

/** Every 30 minutes: the city-wide rollups of the recent months, recomputed from the day counters. */
export const makeHandler = (container: Deps) => async () => {
  const result = await rollUpKpis({ store: container.kpiStore, directory: container.agencyDirectory, clock: container.clock, windowMonths: container.kpiRollupMonths });
  logger.info('kpi rollup', { ...result });
  return result;
};

export const handler = lazyHandler(makeHandler, parts);
