import { describe, expect, it } from 'vitest';
import { KPI_COUNTERS } from '../../../../../../shared/modules/kpis/domain/counters';
import { reportResponse } from '../../../../../../shared/modules/kpis/api/report-response';
import type { KpiReportView } from '../../../../../../shared/modules/kpis/use-cases/report';

const counts = (values: Record<string, number>) => Object.fromEntries(KPI_COUNTERS.map((k) => [k, values[k] ?? 0]));

describe('Function: reportResponse', () => {
  it('counts the dossiers synced to the national portal and those still pending', () => {
    // Prepare: 7 dossiers in the cohort, 5 of them accepted by the portal
    const view = { period: { kind: 'month', id: '2026-11' }, counts: counts({ dossiers: 7, nationalPortalSynced: 5 }), kpis: [] } as unknown as KpiReportView;
    // Act
    const response = reportResponse(view);
    // Assess
    expect(response.nationalPortal).toEqual({ synced: 5, pending: 2 });
    expect(response.month).toBe('2026-11');
  });

  it('never reports a negative pending count', () => {
    const view = { period: { kind: 'day', id: '2026-11-30' }, counts: counts({ dossiers: 0, nationalPortalSynced: 1 }), kpis: [] } as unknown as KpiReportView;
    expect(reportResponse(view).nationalPortal).toEqual({ synced: 1, pending: 0 });
  });
});
