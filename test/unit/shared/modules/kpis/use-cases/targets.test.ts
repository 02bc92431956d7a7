import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../../../../shared/platform/http/principal';
import { ForbiddenError, NotFoundError } from '../../../../../../shared/platform/kernel/errors';
import { rollUpKpis } from '../../../../../../shared/modules/kpis/use-cases/rollup';
import { proposeAgencyTargets, setAgencyTargets } from '../../../../../../shared/modules/kpis/use-cases/targets';
import { fakeDirectory, InMemoryKpiStore } from '../../../../../fakes/kpi-store';

const city: Principal = { kind: 'city' };
const directory = fakeDirectory({
  'HP-STP': { name: 'Sở Tư pháp', level: 'department' },
  'HP-PX': { name: 'UBND phường Lê Chân', level: 'commune' },
  'HP-XA': { name: 'UBND xã An Lư', level: 'commune' },
});
const clock = { now: () => new Date('2026-01-05T02:00:00Z') };

/** 2025: HP-STP 300 dossiers, 60 % online; HP-PX 100, 20 % online; HP-XA none. */
async function lastYear(rolledUp: boolean): Promise<InMemoryKpiStore> {
  const store = new InMemoryKpiStore()
    .add('HP-STP', '2025-06-10T02:00:00Z', { dossiers: 300, submittedOnline: 180 })
    .add('HP-PX', '2025-11-20T02:00:00Z', { dossiers: 100, submittedOnline: 20 });
  if (rolledUp) await rollUpKpis({ store, directory, clock: { now: () => new Date('2025-12-31T10:00:00Z') }, windowMonths: 12 });
  return store;
}

describe('proposeAgencyTargets', () => {
  it.each([true, false])('weights the city goal by last year\'s volumes, every catalogue agency included (rolled up: %s)', async (rolledUp) => {
    const proposal = await proposeAgencyTargets({ store: await lastYear(rolledUp), directory, clock }, city, '2026', { onlineReceipt: 0.6 });
    // A = (300·0.6 + 100·0.2) / 400 = 0.5; uplift (0.6 − 0.5)/(1 − 0.5) = 0.2; tᵢ = aᵢ + (1 − aᵢ)·0.2
    expect(proposal).toEqual({
      year: '2026',
      basedOn: '2025',
      goals: { onlineReceipt: 0.6 },
      proposals: {
        onlineReceipt: [
          { agencyCode: 'HP-STP', share: 0.75, actual: 0.6, target: 0.68 },
          { agencyCode: 'HP-PX', share: 0.25, actual: 0.2, target: 0.36 },
          { agencyCode: 'HP-XA', share: 0, actual: 0, target: 0.2 },
        ],
      },
    });
  });

  it('is for the city role only', async () => {
    await expect(proposeAgencyTargets({ store: new InMemoryKpiStore(), directory, clock }, { kind: 'agency', agencyCode: 'HP-STP' }, '2026', { level4: 0.5 })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('setAgencyTargets', () => {
  it('saves targets for a catalogue agency, for the city role only', async () => {
    const store = new InMemoryKpiStore();
    expect(await setAgencyTargets({ store, directory, clock }, city, 'HP-PX', '2026', { level4: 0.7 })).toEqual({ agencyCode: 'HP-PX', year: '2026', targets: { level4: 0.7 }, updatedAt: '2026-01-05T02:00:00.000Z' });
    expect(await store.targetsOf('2026', ['HP-PX', 'HP-STP'])).toEqual({ 'HP-PX': { targets: { level4: 0.7 }, updatedAt: '2026-01-05T02:00:00.000Z' } });
    await expect(setAgencyTargets({ store, directory, clock }, city, 'NO-SUCH', '2026', { level4: 0.7 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setAgencyTargets({ store, directory, clock }, { kind: 'agency', agencyCode: 'HP-PX' }, 'HP-PX', '2026', { level4: 1 })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
