import { describe, expect, it } from 'vitest';
import { getProcedure, listProcedures } from '../../../../../../shared/modules/catalogue/use-cases/catalogue';
import { NotFoundError } from '../../../../../../shared/platform/kernel/errors';
import type { Clock } from '../../../../../../shared/platform/kernel/time';
import { InMemoryCatalogue } from '../../../../../fakes/catalogue-in-memory';

const clockAt = (instant: string): Clock => ({ now: () => new Date(instant) });

describe('Function: getProcedure', () => {
  it('shows the schedule in force on today’s Viet Nam date and every version on record', async () => {
    // Prepare: 17:00 UTC on 28 February is already 1 March in Viet Nam, the new schedule's first day.
    const clock = clockAt('2022-02-28T17:00:00Z');
    // Act
    const procedure = await getProcedure(InMemoryCatalogue.seeded(), clock, '1.005398');
    // Assess
    expect(procedure).toMatchObject({ code: '1.005398', agencyCode: 'HP-NNMT', onlineAllowed: true, postalReturnAllowed: true });
    expect(procedure.feesInForce).toMatchObject({ version: 'ND10-2022', validFrom: '2022-03-01' });
    expect(procedure.feesInForce).not.toHaveProperty('validTo');
    expect(procedure.scheduleVersions).toEqual([
      { version: 'ND140-2016', validFrom: '2017-01-01', validTo: '2022-02-28' },
      { version: 'ND10-2022', validFrom: '2022-03-01' },
    ]);
  });

  it('shows no fees in force before the first schedule', async () => {
    const procedure = await getProcedure(InMemoryCatalogue.seeded(), clockAt('2016-06-01T00:00:00Z'), '1.000956');
    expect(procedure.feesInForce).toBeNull();
    expect(procedure.scheduleVersions).toHaveLength(2);
  });

  it('shows the legal processing time in working days when the catalogue has one, and nothing when not', async () => {
    const clock = clockAt('2026-03-01T00:00:00Z');
    expect(await getProcedure(InMemoryCatalogue.seeded(), clock, '1.004194')).toMatchObject({ processingDays: 7 });
    expect(await getProcedure(InMemoryCatalogue.seeded(), clock, '1.001193')).toMatchObject({ processingDays: 0 });
    expect(await getProcedure(InMemoryCatalogue.seeded(), clock, '2.000884')).not.toHaveProperty('processingDays');
  });

  it('says online is not allowed for a counter-only procedure', async () => {
    const procedure = await getProcedure(InMemoryCatalogue.seeded(), clockAt('2026-03-01T00:00:00Z'), '2.001035');
    expect(procedure).toMatchObject({ channels: ['counter'], onlineAllowed: false });
  });

  it('is NotFound for an unknown code', async () => {
    await expect(getProcedure(InMemoryCatalogue.seeded(), clockAt('2026-03-01T00:00:00Z'), 'NOPE')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('Function: listProcedures', () => {
  it('pages through the catalogue, each entry shown as the API shows one procedure', async () => {
    // Prepare
    const catalogue = InMemoryCatalogue.seeded();
    const clock = clockAt('2026-03-01T00:00:00Z');
    // Act
    const first = await listProcedures(catalogue, clock, { limit: 2 });
    const second = await listProcedures(catalogue, clock, { limit: 2, cursor: first.nextCursor! });
    // Assess
    expect(first.items.map((p) => p.code)).toEqual(['1.000105', '1.000656']);
    expect(second.items.map((p) => p.code)).toEqual(['1.000894', '1.000956']);
    expect(second.items[1]).toEqual(await getProcedure(catalogue, clock, '1.000956'));
    expect(second.nextCursor).toBeDefined();
  });

  it('ends without a cursor on the last page', async () => {
    const page = await listProcedures(InMemoryCatalogue.seeded(), clockAt('2026-03-01T00:00:00Z'), { limit: 100 });
    expect(page.items.length).toBeGreaterThanOrEqual(9);
    expect(page).not.toHaveProperty('nextCursor');
  });
});

describe('Function: getProcedure (inputs)', () => {
  it('says which inputs the fees in force need, with the procedure’s own meaning of each', async () => {
    const procedure = await getProcedure(InMemoryCatalogue.seeded(), clockAt('2026-03-01T00:00:00Z'), '2.000815');
    expect(procedure.inputs).toEqual([
      { name: 'pages', required: true, description: { vi: 'Số trang của bản chính cần chứng thực bản sao', en: 'Pages of the original to be copied and certified' } },
      { name: 'copies', required: false, description: { vi: 'Số bản sao cần chứng thực (mặc định 1)', en: 'Certified copies requested (1 when not given)' } },
    ]);
  });

  it('lists no input for a flat charge, nor when no schedule is in force', async () => {
    expect((await getProcedure(InMemoryCatalogue.seeded(), clockAt('2026-03-01T00:00:00Z'), '2.000884')).inputs).toEqual([]);
    expect((await getProcedure(InMemoryCatalogue.seeded(), clockAt('2016-06-01T00:00:00Z'), '1.000956')).inputs).toEqual([]);
  });
});
