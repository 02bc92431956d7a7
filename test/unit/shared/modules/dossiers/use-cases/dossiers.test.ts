import { describe, expect, it } from 'vitest';
import { getDossier, registerDossier, submitAgencyEvent, type DossierDeps } from '../../../../../../shared/modules/dossiers/use-cases/dossiers';
import { DossierExistsError } from '../../../../../../shared/modules/dossiers/domain/errors';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../../../../../shared/platform/kernel/errors';
import type { Principal } from '../../../../../../shared/platform/http/principal';
import { InMemoryDossierStore } from '../../../../../fakes/dossier-store';
import { InMemoryCatalogue } from '../../../../../fakes/catalogue-in-memory';
import { dossierOwing, registration, T0 } from '../../../../../support/dossiers';

const NOW = new Date(T0.getTime() + 60 * 60_000);
const agency: Principal = { kind: 'agency', agencyCode: 'HP-PX' };
const otherAgency: Principal = { kind: 'agency', agencyCode: 'HP-STP' };
const applicant: Principal = { kind: 'citizen', citizenId: '031099012345' };
const stranger: Principal = { kind: 'citizen', citizenId: '031099099999' };

/** The first read misses a dossier another request is creating at the same moment. */
class ReadsLateStore extends InMemoryDossierStore {
  private reads = 0;
  override async get(dossierNo: string) {
    return this.reads++ === 0 ? undefined : super.get(dossierNo);
  }
}

function deps(store = new InMemoryDossierStore()) {
  const d: DossierDeps = { store, catalogue: InMemoryCatalogue.seeded(), clock: { now: () => NOW } };
  return { deps: d, store };
}

describe('Use case: registerDossier', () => {
  it('creates the dossier with its locked fees and DossierRegistered as its outbox row (the stream publishes it)', async () => {
    // Prepare
    const { deps: d, store } = deps();

    // Act
    const { created, dossier } = await registerDossier(d, agency, 'H31-0001', registration());

    // Assess
    expect(created).toBe(true);
    expect(dossier).toMatchObject({ dossierNo: 'H31-0001', status: 'AWAITING_PAYMENT', nationalPortalStatus: 6, version: 1 });
    expect(dossier.amountDue).toBe(dossier.fees.total);
    expect(dossier.fees.total).toBeGreaterThan(0);
    expect(store.emitted).toEqual([expect.objectContaining({ type: 'DossierRegistered', dossierNo: 'H31-0001', channel: 'online', feesTotal: dossier.fees.total })]);
    expect(store.outboxIds()).toEqual([store.emitted[0]!.id]);
  });

  it('answers the same body again with the dossier as it is, and another body with DossierExistsError', async () => {
    // Prepare
    const { deps: d, store } = deps();
    await registerDossier(d, agency, 'H31-0001', registration());

    // Act
    const again = await registerDossier(d, agency, 'H31-0001', registration());
    const other = registerDossier(d, agency, 'H31-0001', registration({ inputs: { pages: 9, copies: 1 } }));

    // Assess
    expect(again.created).toBe(false);
    await expect(other).rejects.toBeInstanceOf(DossierExistsError);
    expect(store.emitted).toHaveLength(1);
  });

  it('answers the winner of a concurrent registration of the same body, and refuses another body', async () => {
    // Prepare: the winner's dossier appears just after our first read.
    const { deps: winner, store: winnerStore } = deps();
    await registerDossier(winner, agency, 'H31-0001', registration());
    const late = new ReadsLateStore().add((await winnerStore.get('H31-0001'))!);
    const lateToo = new ReadsLateStore().add((await winnerStore.get('H31-0001'))!);

    // Act
    const same = await registerDossier(deps(late).deps, agency, 'H31-0001', registration());
    const other = registerDossier(deps(lateToo).deps, agency, 'H31-0001', registration({ inputs: { pages: 9, copies: 1 } }));

    // Assess
    expect(same.created).toBe(false);
    await expect(other).rejects.toBeInstanceOf(DossierExistsError);
  });

  it.each([
    ['another agency', otherAgency, registration(), ForbiddenError],
    ['a citizen', applicant, registration(), ForbiddenError],
    ['a submission in the future', agency, registration({ submittedAt: new Date(NOW.getTime() + 60 * 60_000).toISOString() }), InvalidInputError],
    ['a submission older than the window', agency, registration({ submittedAt: '2026-01-01T00:00:00Z' }), InvalidInputError],
  ] as const)('refuses %s before any write', async (_case, principal, request, error) => {
    // Prepare
    const { deps: d, store } = deps();

    // Act
    const attempt = registerDossier(d, principal, 'H31-0001', request);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(error);
    expect(store.dossiers.size + store.emitted.length).toBe(0);
  });
});

describe('Use case: getDossier', () => {
  it.each([
    ['its applicant', applicant, true],
    ['its agency', agency, true],
    ['another citizen', stranger, false],
    ['another agency', otherAgency, false],
  ] as const)('shows the dossier to %s: %s (else 404, not 403)', async (_case, principal, visible) => {
    // Prepare
    const store = new InMemoryDossierStore().add(dossierOwing(5_000));

    // Act
    const view = getDossier(store, principal, 'H31-0001');

    // Assess
    if (visible) await expect(view).resolves.toMatchObject({ dossierNo: 'H31-0001', status: 'AWAITING_PAYMENT', nationalPortalStatus: 6 });
    else await expect(view).rejects.toBeInstanceOf(NotFoundError);
  });

  it('does not show the stored request hash or fee inputs', async () => {
    const view = await getDossier(new InMemoryDossierStore().add(dossierOwing(5_000)), agency, 'H31-0001');
    expect(view).not.toHaveProperty('requestHash');
    expect(view).not.toHaveProperty('inputs');
  });
});

describe('Use case: submitAgencyEvent (mark result ready / collected)', () => {
  const readyPayload = { kind: 'paper' as const, issuedAt: T0.toISOString() };

  it('writes an outbox row whose event id derives from the request, so a retry is the same event (written again: published again)', async () => {
    // Prepare
    const { deps: d, store } = deps(new InMemoryDossierStore().add(dossierOwing(0)));

    // Act
    const first = await submitAgencyEvent(d, agency, 'H31-0001', 'ResultReady', 'ResultReady', readyPayload);
    const retry = await submitAgencyEvent(d, agency, 'H31-0001', 'ResultReady', 'ResultReady', readyPayload);

    // Assess
    expect(first).toMatchObject({ type: 'ResultReady', dossierNo: 'H31-0001', kind: 'paper', occurredAt: NOW.toISOString() });
    expect(retry.id).toBe(first.id);
    expect(store.outboxIds()).toEqual([first.id]);
    expect(store.emittedIds()).toEqual([first.id, first.id]);
  });

  it('refuses an action the dossier cannot take now with a 409 naming its status', async () => {
    // Prepare: still awaiting payment.
    const { deps: d, store } = deps(new InMemoryDossierStore().add(dossierOwing(5_000)));

    // Act
    const failure = await submitAgencyEvent(d, agency, 'H31-0001', 'ResultCollected', 'ResultCollected', { collectedAt: NOW.toISOString() }).catch((e: unknown) => e);

    // Assess
    expect(failure).toBeInstanceOf(ConflictError);
    expect(failure).toMatchObject({ message: 'ResultCollected is not allowed while the dossier is AWAITING_PAYMENT', details: [{ path: 'status', message: 'dossier is AWAITING_PAYMENT' }] });
    expect(store.outboxIds()).toEqual([]);
  });

  it.each([
    ['another agency', otherAgency],
    ['the applicant', applicant],
  ] as const)('answers 404 to %s', async (_case, principal) => {
    const { deps: d } = deps(new InMemoryDossierStore().add(dossierOwing(0)));
    await expect(submitAgencyEvent(d, principal, 'H31-0001', 'ResultReady', 'ResultReady', readyPayload)).rejects.toBeInstanceOf(NotFoundError);
  });
});
