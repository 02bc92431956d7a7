import { integerEnv } from '../../platform/config/env';
import type { AgencyDirectory, KpiStore } from '../../modules/kpis/ports';
import { DynamoKpiStore } from '../../modules/kpis/dynamodb';
import { catalogueDirectory } from '../../modules/kpis/catalogue-directory';
import { catalogue } from './catalogue';
import { dynamo } from './dynamo';
import { definePart } from './part';

export interface KpisMembers {
  readonly kpiStore: KpiStore;
  /** Agencies' names and levels (the catalogue). */
  readonly agencyDirectory: AgencyDirectory;
  /** Months the rollup job recomputes each run, the current one included (KPI_ROLLUP_MONTHS [3]). */
  readonly kpiRollupMonths: number;
}

export const kpis = /* @__PURE__ */ definePart<KpisMembers>()('kpis', [dynamo, catalogue], (c, { once, tableName, settings }) => ({
  get kpiStore() {
    return once('kpiStore', () => new DynamoKpiStore(c.documentClient, tableName()));
  },
  get agencyDirectory() {
    return once('agencyDirectory', () => catalogueDirectory(c.catalogue));
  },
  get kpiRollupMonths() {
    return once('kpiRollupMonths', () => integerEnv('KPI_ROLLUP_MONTHS', 3, 1, settings.values));
  },
}));
