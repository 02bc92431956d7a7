import { describe, expect, it } from 'vitest';
import { assessFeesForDossier } from '../../../../../../shared/modules/fees';
import { UnknownProcedureError } from '../../../../../../shared/modules/fees/domain/errors';
import type { Clock } from '../../../../../../shared/platform/kernel/time';
import { InMemoryCatalogue } from '../../../../../fakes/catalogue-in-memory';

const clock: Clock = { now: () => new Date('2026-03-01T02:00:00Z') };

describe('Function: assessFeesForDossier', () => {
  it.each([
    ['the last day of the old schedule (Viet Nam date)', '2022-02-28T16:59:59Z', 'ND140-2016'],
    ['the first day of the new one', '2022-02-28T17:00:00Z', 'ND10-2022'],
  ])('prices by the schedule in force on %s and stamps the assessment with the clock', async (_, submittedAt, version) => {
    // Prepare
    const catalogue = InMemoryCatalogue.seeded();
    // Act
    const assessment = await assessFeesForDossier(catalogue, clock, {
      procedureCode: '1.005398',
      channel: 'online',
      submittedAt,
      inputs: { declaredValue: 1_000_000_000 },
    });
    // Assess
    expect(assessment).toMatchObject({ scheduleVersion: version, submittedAt: new Date(submittedAt).toISOString(), assessedAt: '2026-03-01T02:00:00.000Z', currency: 'VND' });
    expect(assessment.total).toBe(assessment.items.reduce((sum, item) => sum + item.amount, 0));
    expect(catalogue.reads).toEqual(['procedure:1.005398']);
  });

  it('refuses an unknown procedure', async () => {
    const assessing = assessFeesForDossier(InMemoryCatalogue.seeded(), clock, {
      procedureCode: 'NOPE',
      channel: 'online',
      submittedAt: '2026-03-01T02:00:00Z',
      inputs: {},
    });
    await expect(assessing).rejects.toBeInstanceOf(UnknownProcedureError);
  });
});
