import type { KpiRateKey } from '../domain/rates';
import type { KpiReportView } from '../use-cases/report';
import type { KpiReport } from './schemas';

/** The report as the API answers it: the view, plus the fields earlier clients of the monthly report read. */
export function reportResponse(view: KpiReportView): KpiReport {
  const rate = (key: KpiRateKey) => view.kpis.find((k) => k.key === key)?.rate ?? null;
  return {
    ...view,
    ...(view.period.kind === 'month' ? { month: view.period.id } : {}),
    // Synced is counted once per dossier on its first accepted push; every other dossier of the cohort is still pending.
    nationalPortal: { synced: view.counts.nationalPortalSynced, pending: Math.max(0, view.counts.dossiers - view.counts.nationalPortalSynced) },
    rates: {
      onlineSubmissionRate: rate('onlineReceipt'),
      onlinePaymentRate: rate('paidOnline'),
      postalReturnRate: rate('postalReturn'),
      level4Rate: rate('level4'),
    },
  } as unknown as KpiReport; // readonly arrays of the view, the same values the schema describes
}
