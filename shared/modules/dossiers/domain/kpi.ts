import type { KpiIncrements } from '../../kpis';

export type { KpiIncrements };

/**
 * What returning a result adds to the counters of the dossier's submission day: one more result,
 * how it went out, and the whole seconds it took (summed, so the report can average them).
 */
export function resultReturnedKpi(submittedAt: string, returnedAt: string, electronic: boolean): KpiIncrements {
  const seconds = Math.max(0, Math.floor((Date.parse(returnedAt) - Date.parse(submittedAt)) / 1000));
  return { resultsReturned: 1, resultSecondsTotal: seconds, ...(electronic ? { electronicResults: 1 } : {}) };
}
