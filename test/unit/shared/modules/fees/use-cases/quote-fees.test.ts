import { describe, expect, it } from 'vitest';
import { quoteFeesForRequest } from '../../../../../../shared/modules/fees/use-cases/quote-fees';
import { PostalReturnNotAllowedError } from '../../../../../../shared/modules/fees';
import { UnknownProcedureError } from '../../../../../../shared/modules/fees/domain/errors';
import type { Clock } from '../../../../../../shared/platform/kernel/time';
import { InMemoryCatalogue } from '../../../../../fakes/catalogue-in-memory';

const clock: Clock = { now: () => new Date('2026-03-01T02:00:00Z') };

describe('Function: quoteFeesForRequest', () => {
  it('prices the procedure as submitted now when the request names no instant, reading nothing for postage', async () => {
    // Prepare
    const catalogue = InMemoryCatalogue.seeded();
    // Act
    const quote = await quoteFeesForRequest(catalogue, clock, { procedureCode: '2.000815', channel: 'counter', inputs: { pages: 3, copies: 1 } });
    // Assess
    expect(quote).toMatchObject({ procedureCode: '2.000815', submittedAt: '2026-03-01T02:00:00.000Z', total: 5_000, scheduleVersion: 'TT226-2016' });
    expect(catalogue.reads).toEqual(['procedure:2.000815']);
  });

  it.each([
    ['the agency’s province', '31', 22_000, 'nội tỉnh'],
    ['another province', '01', 27_000, 'liên tỉnh'],
  ])('adds postage to %s as its own line, from the agency and the tariff', async (_, provinceCode, postage, where) => {
    // Prepare
    const catalogue = InMemoryCatalogue.seeded();
    // Act
    const quote = await quoteFeesForRequest(catalogue, clock, {
      procedureCode: '2.000815',
      channel: 'online',
      inputs: { pages: 1, copies: 1 },
      delivery: { provinceCode },
    });
    // Assess
    expect(quote.items.at(-1)).toMatchObject({ kind: 'postage', amount: postage, basis: expect.stringContaining(where) });
    expect(quote.total).toBe(2_000 + postage);
    expect(catalogue.reads).toEqual(['procedure:2.000815', 'agency:HP-PX', 'postage-tariff']);
  });

  it('refuses an unknown procedure before reading anything else', async () => {
    const catalogue = InMemoryCatalogue.seeded();
    const quoting = quoteFeesForRequest(catalogue, clock, { procedureCode: '9.999999', channel: 'online', inputs: {} });
    await expect(quoting).rejects.toBeInstanceOf(UnknownProcedureError);
    expect(catalogue.reads).toEqual(['procedure:9.999999']);
  });

  it('refuses postage for a procedure whose result must be collected in person', async () => {
    const quoting = quoteFeesForRequest(InMemoryCatalogue.seeded(), clock, {
      procedureCode: '1.004194',
      channel: 'online',
      inputs: {},
      delivery: { provinceCode: '31' },
    });
    await expect(quoting).rejects.toBeInstanceOf(PostalReturnNotAllowedError);
  });

  it('refuses postage while no postage tariff is imported', async () => {
    const quoting = quoteFeesForRequest(InMemoryCatalogue.seededWithoutPostageTariff(), clock, {
      procedureCode: '2.000815',
      channel: 'online',
      inputs: { pages: 1 },
      delivery: { provinceCode: '31' },
    });
    await expect(quoting).rejects.toBeInstanceOf(PostalReturnNotAllowedError);
  });
});
