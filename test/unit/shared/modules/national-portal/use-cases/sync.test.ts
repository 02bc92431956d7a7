import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../../../../shared/modules/dossiers';
import { PortalUnavailableError } from '../../../../../../shared/modules/national-portal/domain/errors';
import { portalDate } from '../../../../../../shared/modules/national-portal/domain/snapshot';
import { pushDossier, requestPortalPush, resyncDossier, resyncFailed } from '../../../../../../shared/modules/national-portal/use-cases/sync';
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
  const push = { syncStates, portal, clock, dossiers: { get: async () => current }, procedures: { getProcedure: async () => undefined } };
  return { deps, requested, syncStates, portal, push, set: (d: Dossier) => (current = d) };
}

describe('Use case: national portal sync', () => {
  it('records the lag and queues one push per version, once however often the reaction runs', async () => {
    const d = dossierOwing(0);
    const { deps, requested, syncStates } = setup(d);
    await requestPortalPush(deps, d);
    await requestPortalPush(deps, d);
    expect(requested).toEqual([{ dossierNo: d.dossierNo, dedupKey: `v${d.version}` }, { dossierNo: d.dossierNo, dedupKey: `v${d.version}` }]);
    expect(await syncStates.get(d.dossierNo)).toMatchObject({ status: 'pending', wantedVersion: d.version, syncedVersion: 0, attempts: 0 });
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
    const { deps, push, portal, set } = setup(big);
    set(big);
    await requestPortalPush(deps, big);
    portal.failProgressAt = 1;
    await expect(pushDossier(push, v1.dossierNo, { final: false })).rejects.toThrow('progress refused once');
    await pushDossier(push, v1.dossierNo, { final: false });
    expect(portal.progressCalls.map((c) => c.length)).toEqual([10, big.timeline.length - 10]);
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
