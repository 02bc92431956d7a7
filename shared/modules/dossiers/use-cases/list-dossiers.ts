import { ForbiddenError } from '../../../platform/kernel/errors';
import type { Principal } from '../../../platform/http/principal';
import type { DossierStatus } from '../domain/status';
import { submittedWindow, type PageRequest, type SummaryPage } from '../domain/summary';
import type { DossierListing } from '../ports';

/** A citizen's own dossiers, newest first; nobody else's can be asked for (the id is the token's). */
export async function listMyDossiers(listing: DossierListing, principal: Principal, page: PageRequest): Promise<SummaryPage> {
  if (principal.kind !== 'citizen') throw new ForbiddenError('This list is the calling citizen\'s own');
  return listing.ofCitizen(principal.citizenId, page);
}

export interface AgencyListQuery extends PageRequest {
  readonly status?: DossierStatus;
  /** Inclusive; a date is that whole day in Viet Nam. */
  readonly from?: string;
  readonly to?: string;
}

/**
 * An agency's work queue: its dossiers newest first, of one status and a submission window when asked.
 * An agency reads its own; the city role reads any agency's, as it does the KPI reports.
 */
export async function listAgencyDossiers(listing: DossierListing, principal: Principal, agencyCode: string, query: AgencyListQuery): Promise<SummaryPage> {
  const allowed = principal.kind === 'city' || (principal.kind === 'agency' && principal.agencyCode === agencyCode);
  if (!allowed) {
    throw new ForbiddenError('An agency reads its own dossiers only', { details: [{ path: 'agencyCode', message: 'must be the agency of the token' }] });
  }
  const { status, from, to, limit, cursor } = query;
  const window = submittedWindow({ ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
  return listing.ofAgency(agencyCode, { ...window, ...(status ? { status } : {}) }, { limit, ...(cursor !== undefined ? { cursor } : {}) });
}
