import { describe, expect, it } from 'vitest';
import { CachedCatalogue } from '../../../../../shared/modules/catalogue/cached-catalogue';
import type { Clock } from '../../../../../shared/platform/kernel/time';
import { InMemoryCatalogue } from '../../../../fakes/catalogue-in-memory';

/** A clock the test moves by hand. */
function movableClock(start: string): Clock & { advance(ms: number): void } {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advance: (ms) => (now += ms) };
}

describe('Class: CachedCatalogue', () => {
  it('serves procedures, agencies and the tariff from memory for its time to live, then reads again', async () => {
    // Prepare
    const inner = InMemoryCatalogue.seeded();
    const clock = movableClock('2026-03-01T00:00:00Z');
    const cached = new CachedCatalogue(inner, 60_000, clock);
    // Act
    await cached.getProcedure('2.000815');
    await cached.getAgency('HP-PX');
    await cached.getPostageTariff();
    clock.advance(59_999);
    await cached.getProcedure('2.000815');
    await cached.getAgency('HP-PX');
    await cached.getPostageTariff();
    clock.advance(1);
    await cached.getProcedure('2.000815');
    // Assess
    expect(inner.reads).toEqual(['procedure:2.000815', 'agency:HP-PX', 'postage-tariff', 'procedure:2.000815']);
  });

  it('remembers that a code is unknown too', async () => {
    const inner = InMemoryCatalogue.seeded();
    const cached = new CachedCatalogue(inner, 60_000, movableClock('2026-03-01T00:00:00Z'));
    expect(await cached.getProcedure('NOPE')).toBeUndefined();
    expect(await cached.getProcedure('NOPE')).toBeUndefined();
    expect(inner.reads).toEqual(['procedure:NOPE']);
  });

  it('never caches a page of the list, whose cursor moves', async () => {
    const inner = InMemoryCatalogue.seeded();
    const cached = new CachedCatalogue(inner, 60_000, movableClock('2026-03-01T00:00:00Z'));
    await cached.listProcedures({ limit: 5 });
    await cached.listProcedures({ limit: 5 });
    expect(inner.reads).toEqual(['procedures', 'procedures']);
  });
});
