/** The kpis module's public surface: the only thing other modules import. */
export { KPI_COUNTERS } from './domain/counters';
export type { KpiCounter, KpiCounts, KpiIncrements } from './domain/counters';
export { counterUpdate, KpiKeys } from './keys';
export type { CounterUpdate } from './keys';
