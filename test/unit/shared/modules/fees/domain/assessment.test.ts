import { describe, expect, it } from 'vitest';
import { validateCatalogue } from '../../../../../../shared/modules/catalogue/use-cases/validate-catalogue';
import { assessFees } from '../../../../../../shared/modules/fees/domain/assessment';
import { seedCatalogueJson } from '../../../../../support/fee-fixtures';

describe('Function: assessFees', () => {
  it('prices by the schedule in force on the submission date and records its version', () => {
    const catalogue = validateCatalogue(seedCatalogueJson());
    const procedure = catalogue.procedures.find((p) => p.code === '1.003551')!;
    const assessment = assessFees(
      { procedureCode: '1.003551', channel: 'online', submittedAt: '2025-06-01T03:00:00Z', inputs: {} },
      { procedure, now: new Date('2026-02-01T00:00:00Z') },
    );
    expect(assessment).toMatchObject({ total: 180_000, scheduleVersion: 'TT25-2021', submittedAt: '2025-06-01T03:00:00.000Z', assessedAt: '2026-02-01T00:00:00.000Z' });
  });

  it('is a snapshot: changing the catalogue afterwards does not change it', () => {
    const catalogue = validateCatalogue(seedCatalogueJson());
    const procedure = catalogue.procedures.find((p) => p.code === '2.000884')!;
    const assessment = assessFees(
      { procedureCode: '2.000884', channel: 'counter', submittedAt: '2026-01-10T03:00:00Z', inputs: {} },
      { procedure, now: new Date('2026-01-10T03:00:00Z') },
    );
    // The model is read-only; the test writes through it on purpose, as shared references would.
    const rule = procedure.schedules[0]!.rules[0]! as { type: string; amount?: number; label: { vi: string } };
    if (rule.type === 'flat') rule.amount = 99_000;
    rule.label.vi = 'changed';
    expect(assessment.total).toBe(10_000);
    expect(assessment.items[0]!.label.vi).not.toBe('changed');
  });
});
