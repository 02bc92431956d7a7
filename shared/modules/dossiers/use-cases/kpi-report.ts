import { kpiRates } from '../domain/kpi';
import { ForbiddenError } from '../../../platform/kernel/errors';
import type { Principal } from '../../../platform/http/principal';
import type { KpiReader } from '../ports';
import type { KpiReport } from '../api/kpi';

/** One read of the month's counters, whatever the number of dossiers. */
export async function kpiReport(reader: KpiReader, principal: Principal, agencyCode: string, month: string): Promise<KpiReport> {
  if (principal.kind !== 'agency' || principal.agencyCode !== agencyCode) {
    throw new ForbiddenError('An agency reads its own report only', { details: [{ path: 'agencyCode', message: 'must be the agency of the token' }] });
  }
  const counts = await reader.counts(agencyCode, month);
  return { agencyCode, month, counts, rates: kpiRates(counts) };
}
