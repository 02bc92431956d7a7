import { ForbiddenError } from '../../../platform/kernel/errors';
import type { Principal } from '../../../platform/http/principal';
import { summarize, type FinanceSummary } from '../domain/book';
import type { FinanceStore } from '../ports';

/** GET /v1/finance/summary: the agency's book for one Viet Nam date, plus what is pending and open now. */
export async function financeSummary(finance: FinanceStore, principal: Principal, agencyCode: string, date: string): Promise<FinanceSummary> {
  if (principal.kind !== 'agency' || principal.agencyCode !== agencyCode) throw new ForbiddenError('An agency sees only its own finance summary');
  const [entries, pending, open] = await Promise.all([finance.bookOfAgency(agencyCode, date), finance.pendingRefunds(agencyCode), finance.exceptions(agencyCode, 'open')]);
  return summarize(agencyCode, date, entries, pending, open);
}
