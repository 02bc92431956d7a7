import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../../../../shared/modules/dossiers';
import { PortalUnavailableError } from '../../../../../../shared/modules/national-portal/domain/errors';
import { portalDate } from '../../../../../../shared/modules/national-portal/domain/snapshot';
import { portalSyncView, pushDossier, requestPortalPush, resyncDossier, resyncFailed } from '../../../../../../shared/modules/national-portal/use-cases/sync';
import { FakePortal, recordingPushRequests } from '../../../../../fakes/national-portal-fakes';
import { dossierOwing, T0 } from '../../../../../support/dossiers';

const clock = { now: () => new Date(T0.getTime() + 60_000) };

/** A dossier after `steps` more applied changes (each a version and a timeline row). */
function changed(dossier: Dossier, steps: number): Dossier {
  let d = dossier;
  for (let i = 1; i <= steps; i++) {
    const at = new Date(T0.getTime() + i * 60_000).toISOString();
    d = { ...d, version: d.version + 1, updatedAt: at, timeline: [...d.timeline, { at, from: d.status, to: 'PROCESSING', cause: 'PaymentSucceeded', applied: true }], status: 'PROCESSING' };
  }
  return d;
}

function setup(initial: Dossier) {
  const { deps, requested, syncStates } = recordingPushRequests(clock);
  const portal = new FakePortal();
  let current = initial;
  const push = { syncStates, portal, audit: syncStates, clock, dossiers: { get: async () => current }, procedures: { getProcedure: async () => undefined } };
  return { deps, requested, syncStates, portal, push, set: (d: Dossier) => (current = d) };
}

describe('Use case: national portal sync', () => {
  it('queues one push per version and writes nothing: the push writes the outcome', async () => {
    const d = dossierOwing(0);
    const { deps, requested, syncStates } = setup(d);
    await requestPortalPush(deps, d);
    await requestPortalPush(deps, d);
    // The same deduplication key twice: SQS FIFO keeps one message.
    expect(requested).toEqual([{ dossierNo: d.dossierNo, dedupKey: `v${d.version}` }, { dossierNo: d.dossierNo, dedupKey: `v${d.version}` }]);
    expect(syncStates.writes).toEqual([]);
    expect(await portalSyncView(syncStates, d)).toEqual({ status: 'pending', attempts: 0 });
  });

  it('a push of a small change is one conditional state write and one audit record of all its exchanges', async () => {
    const v1 = dossierOwing(0);
    const { push, portal, syncStates, set } = setup(v1);
    await pushDossier(push, v1.dossierNo, { final: false });
    const v2 = changed(v1, 1);
    set(v2);
    await pushDossier(push, v1.dossierNo, { final: false });
    // Each push: the state written once (created, then moved from the revision read), never before the call.
    expect(syncStates.writes.map((w) => [w.status, w.syncedVersion, w.revision])).toEqual([['synced', v1.version, 1], ['synced', v2.version, 2]]);
    expect(syncStates.audit.map((a) => [a.dossierNo, a.exchanges.map((e) => e.service)])).toEqual([
      [v1.dossierNo, ['DongBoHoSoMC', 'CapNhatTienDoHoSoMC']],
      [v1.dossierNo, ['DongBoHoSoMC', 'CapNhatTienDoHoSoMC']],
    ]);
    expect(portal.progressCalls.flat()).toHaveLength(v2.timeline.length);
  });

  it('shows a dossier pending while its newer change is on its way, and synced once pushed', async () => {
    const v1 = dossierOwing(0);
    const { push, syncStates, set } = setup(v1);
    await pushDossier(push, v1.dossierNo, { final: false });
    expect(await portalSyncView(syncStates, v1)).toMatchObject({ status: 'synced', attempts: 0, lastSyncedAt: clock.now().toISOString() });
    const v2 = changed(v1, 1);
    expect(await portalSyncView(syncStates, v2)).toMatchObject({ status: 'pending', attempts: 0, lastSyncedAt: clock.now().toISOString() });
    set(v2);
    await pushDossier(push, v1.dossierNo, { final: false });
    expect((await portalSyncView(syncStates, v2)).status).toBe('synced');
  });

  it('pushes the newest state: a message for an old change carries the later ones, the rest find nothing to do', async () => {
    const v1 = dossierOwing(0);
    const { deps, push, portal, syncStates, set } = setup(v1);
    await requestPortalPush(deps, v1);
    const v3 = changed(v1, 2);
    await requestPortalPush(deps, changed(v1, 1));
    await requestPortalPush(deps, v3);
    set(v3);
    expect(await pushDossier(push, v1.dossierNo, { final: false })).toBe('pushed');
    expect(await pushDossier(push, v1.dossierNo, { final: false })).toBe('up_to_date');
    expect(portal.upserts).toHaveLength(1);
    expect(portal.upserts[0]!.snapshot.NgayXuLy).toBe('20260310090200');
    expect(portal.progressCalls.flat()).toHaveLength(v3.timeline.length);
    expect(await syncStates.get(v1.dossierNo)).toMatchObject({ status: 'synced', syncedVersion: v3.version, progressSent: v3.timeline.length, attempts: 0 });
    expect(syncStates.synced.get(v1.agencyCode)).toBe(1);
  });

  it('after an outage repairs everything with one full snapshot and sends each progress row once, in order', async () => {
    const v1 = dossierOwing(0);
    const { deps, push, portal, syncStates, set } = setup(v1);
    await requestPortalPush(deps, v1);
    await pushDossier(push, v1.dossierNo, { final: false });
    portal.failWith = new PortalUnavailableError('down');
    const v4 = changed(v1, 3);
    set(v4);
    await requestPortalPush(deps, v4);
    await expect(pushDossier(push, v1.dossierNo, { final: false })).rejects.toBeInstanceOf(PortalUnavailableError);
    expect(await syncStates.get(v1.dossierNo)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'down' });
    portal.failWith = undefined;
    await pushDossier(push, v1.dossierNo, { final: false });
    expect(portal.upserts.map((u) => u.known)).toEqual([false, true]);
    expect(portal.progressCalls.flat().map((r) => r.ThoiDiemXuLy)).toEqual(v4.timeline.map((t) => portalDate(t.at)));
    expect(await syncStates.get(v1.dossierNo)).toMatchObject({ status: 'synced', attempts: 0 });
    expect(syncStates.synced.get(v1.agencyCode)).toBe(1);
  });

  it("puts the procedure's processing time into the snapshot as NgayHenTra, read from the catalogue at push time", async () => {
    const d = dossierOwing(0);
    const { deps, push, portal } = setup(d);
    const asked: string[] = [];
    await requestPortalPush(deps, d);
    await pushDossier({ ...push, procedures: { getProcedure: async (code) => (asked.push(code), { processingDays: 7 }) } }, d.dossierNo, { final: false });
    expect(asked).toEqual([d.procedureCode]);
    expect(portal.upserts[0]!.snapshot.NgayHenTra).toBe('20260319090000');
  });

  it('does not resend progress rows already accepted when a later chunk fails', async () => {
    const v1 = dossierOwing(0);
    const big = changed(v1, 14);
    const { deps, push, portal, syncStates, set } = setup(big);
    set(big);
    await requestPortalPush(deps, big);
    portal.failProgressAt = 1;
    await expect(pushDossier(push, v1.dossierNo, { final: false })).rejects.toThrow('progress refused once');
    // The first chunk recorded when taken (it is not the last), then the failure once.
    expect(syncStates.writes.map((w) => [w.status, w.progressSent, w.attempts])).toEqual([['pending', 10, 0], ['pending', 10, 1]]);
    expect(syncStates.audit.at(-1)!.exchanges.map((e) => [e.service, e.outcome])).toEqual([['DongBoHoSoMC', 'ok'], ['CapNhatTienDoHoSoMC', 'ok'], ['CapNhatTienDoHoSoMC', 'error']]);
    await pushDossier(push, v1.dossierNo, { final: false });
    expect(portal.progressCalls.map((c) => c.length)).toEqual([10, big.timeline.length - 10]);
  });

  it('records a chunk that is not the last as soon as the portal takes it, so a crash before the next does not resend it', async () => {
    const big = changed(dossierOwing(0), 24);
    const { push, portal, syncStates } = setup(big);
    await pushDossier(push, big.dossierNo, { final: false });
    expect(portal.progressCalls.map((c) => c.length)).toEqual([10, 10, big.timeline.length - 20]);
    expect(syncStates.writes.map((w) => [w.status, w.progressSent])).toEqual([['pending', 10], ['pending', 20], ['synced', big.timeline.length]]);
  });

  it('a first push that fails creates the state as pending, so the dossier shows the error and can be resynced', async () => {
    const v1 = dossierOwing(0);
    const { push, portal, syncStates } = setup(v1);
    portal.failWith = new PortalUnavailableError('down');
    await expect(pushDossier(push, v1.dossierNo, { final: false })).rejects.toBeInstanceOf(PortalUnavailableError);
    expect(await portalSyncView(syncStates, v1)).toEqual({ status: 'pending', attempts: 1, lastError: 'down' });
    expect(await syncStates.get(v1.dossierNo)).toMatchObject({ syncedVersion: 0, pendingSince: clock.now().toISOString(), revision: 1 });
    expect(syncStates.audit).toHaveLength(1);
    expect(syncStates.synced.get(v1.agencyCode)).toBeUndefined();
  });

  it('an up-to-date push writes nothing, and clears a pending left by a resync', async () => {
    const v1 = dossierOwing(0);
    const { deps, push, syncStates } = setup(v1);
    await pushDossier(push, v1.dossierNo, { final: false });
    expect(await pushDossier(push, v1.dossierNo, { final: false })).toBe('up_to_date');
    expect(syncStates.writes).toHaveLength(1);
    expect(syncStates.audit).toHaveLength(1);
    await resyncDossier(deps, v1.dossierNo);
    expect((await portalSyncView(syncStates, v1)).status).toBe('pending');
    expect(await pushDossier(push, v1.dossierNo, { final: false })).toBe('up_to_date');
    expect((await portalSyncView(syncStates, v1)).status).toBe('synced');
  });

  it('a lost race on the outcome write is read again and applied to the newer state', async () => {
    const v1 = dossierOwing(0);
    const { deps, push, portal, syncStates, set } = setup(v1);
    portal.failWith = new PortalUnavailableError('down');
    await expect(pushDossier(push, v1.dossierNo, { final: true })).rejects.toThrow();
    portal.failWith = undefined;
    const v2 = changed(v1, 1);
    set(v2);
    // An operator resyncs while the push is at the portal: its state moves under the push.
    const racing = { ...push, portal: { upsert: async (...a: Parameters<typeof portal.upsert>) => (await resyncDossier(deps, v1.dossierNo), portal.upsert(...a)), progress: portal.progress.bind(portal) } };
    await pushDossier(racing, v1.dossierNo, { final: false });
    expect(await syncStates.get(v1.dossierNo)).toMatchObject({ status: 'synced', syncedVersion: v2.version, attempts: 0, revision: 3 });
    expect(syncStates.synced.get(v1.agencyCode)).toBe(1);
  });

  it('marks the dossier failed on the last attempt, and portal:resync starts it again', async () => {
    const v1 = dossierOwing(0);
    const { deps, push, portal, syncStates, requested } = setup(v1);
    await requestPortalPush(deps, v1);
    portal.failWith = new PortalUnavailableError('still down');
    await expect(pushDossier(push, v1.dossierNo, { final: true })).rejects.toThrow();
    expect(await syncStates.get(v1.dossierNo)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await resyncFailed(deps)).toEqual([v1.dossierNo]);
    expect(await syncStates.get(v1.dossierNo)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(requested.at(-1)!.dedupKey).toMatch(/^resync-/);
    expect(await resyncDossier(deps, 'UNKNOWN-1')).toBe(false);
  });
});
