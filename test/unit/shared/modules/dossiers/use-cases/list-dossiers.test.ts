import { describe, expect, it } from 'vitest';
import type { DossierListing } from '../../../../../../shared/modules/dossiers/ports';
import { listAgencyDossiers, listMyDossiers } from '../../../../../../shared/modules/dossiers/use-cases/list-dossiers';
import type { Principal } from '../../../../../../shared/platform/http/principal';
import { ForbiddenError, InvalidInputError } from '../../../../../../shared/platform/kernel/errors';

/** Records what the use case asked the store for. */
function recordingListing() {
  const calls: unknown[][] = [];
  const listing: DossierListing = {
    ofCitizen: async (...args) => (calls.push(['ofCitizen', ...args]), { items: [] }),
    ofAgency: async (...args) => (calls.push(['ofAgency', ...args]), { items: [] }),
  };
  return { listing, calls };
}

const citizen: Principal = { kind: 'citizen', citizenId: '031099012345' };
const agency: Principal = { kind: 'agency', agencyCode: 'HP-PX' };

describe('Function: listMyDossiers', () => {
  it("asks for the token's own citizen id, never one from the request", async () => {
    const { listing, calls } = recordingListing();
    await listMyDossiers(listing, citizen, { limit: 20, cursor: 'c' });
    expect(calls).toEqual([['ofCitizen', '031099012345', { limit: 20, cursor: 'c' }]]);
  });

  it.each([agency, { kind: 'city' } as Principal])('refuses a caller who is no citizen (%j)', async (principal) => {
    await expect(listMyDossiers(recordingListing().listing, principal, { limit: 20 })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('Function: listAgencyDossiers', () => {
  it('lets an agency read its own queue, with the window in Viet Nam days', async () => {
    const { listing, calls } = recordingListing();
    await listAgencyDossiers(listing, agency, 'HP-PX', { status: 'PROCESSING', from: '2026-03-01', to: '2026-03-31', limit: 50 });
    expect(calls).toEqual([['ofAgency', 'HP-PX', { status: 'PROCESSING', from: '2026-02-28T17:00:00.000Z', to: '2026-03-31T17:00:00.000Z' }, { limit: 50 }]]);
  });

  it("refuses another agency's queue with 403 naming agencyCode, without reading", async () => {
    const { listing, calls } = recordingListing();
    const attempt = listAgencyDossiers(listing, agency, 'HP-STP', { limit: 50 });
    await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    await expect(attempt).rejects.toMatchObject({ details: [{ path: 'agencyCode' }] });
    expect(calls).toHaveLength(0);
  });

  it("lets the city role read any agency's queue, as it reads their KPI reports", async () => {
    const { listing, calls } = recordingListing();
    await listAgencyDossiers(listing, { kind: 'city' }, 'HP-STP', { limit: 10 });
    expect(calls).toEqual([['ofAgency', 'HP-STP', {}, { limit: 10 }]]);
  });

  it('refuses a citizen and a window that ends before it starts', async () => {
    await expect(listAgencyDossiers(recordingListing().listing, citizen, 'HP-PX', { limit: 10 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAgencyDossiers(recordingListing().listing, agency, 'HP-PX', { from: '2026-03-02', to: '2026-03-01', limit: 10 })).rejects.toBeInstanceOf(InvalidInputError);
  });
});
