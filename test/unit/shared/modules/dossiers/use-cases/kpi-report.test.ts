import { describe, expect, it } from 'vitest';
import { kpiReport } from '../../../../../../shared/modules/dossiers/use-cases/kpi-report';
import { ForbiddenError } from '../../../../../../shared/platform/kernel/errors';
import { InMemoryDossierStore } from '../../../../../fakes/dossier-store';

function storeWith(counts: Record<string, number>) {
  const store = new InMemoryDossierStore();
  store.kpi.set('HP-PX#2026-03', counts);
  return store;
}

describe('Use case: kpiReport', () => {
  it('reports the month counters and their rates to the agency', async () => {
    // Prepare
    const store = storeWith({ dossiers: 8, submittedOnline: 6, withFees: 4, paidOnline: 3, postalReturnChosen: 2, delivered: 1, level4Completed: 1 });

    // Act
    const report = await kpiReport(store, { kind: 'agency', agencyCode: 'HP-PX' }, 'HP-PX', '2026-03');

    // Assess
    expect(report).toEqual({
      agencyCode: 'HP-PX',
      month: '2026-03',
      counts: { dossiers: 8, submittedOnline: 6, withFees: 4, paidOnline: 3, postalReturnChosen: 2, delivered: 1, level4Completed: 1 },
      rates: { onlineSubmissionRate: 0.75, onlinePaymentRate: 0.75, postalReturnRate: 0.25, level4Rate: 0.125 },
    });
  });

  it('answers a month with nothing to divide by with null rates, not zeros', async () => {
    const report = await kpiReport(new InMemoryDossierStore(), { kind: 'agency', agencyCode: 'HP-PX' }, 'HP-PX', '2026-04');
    expect(report.rates).toEqual({ onlineSubmissionRate: null, onlinePaymentRate: null, postalReturnRate: null, level4Rate: null });
  });

  it.each([
    ['another agency', { kind: 'agency', agencyCode: 'HP-STP' }],
    ['a citizen', { kind: 'citizen', citizenId: '031099012345' }],
  ] as const)('refuses %s', async (_case, principal) => {
    await expect(kpiReport(storeWith({ dossiers: 1 }), principal, 'HP-PX', '2026-03')).rejects.toBeInstanceOf(ForbiddenError);
  });
});
