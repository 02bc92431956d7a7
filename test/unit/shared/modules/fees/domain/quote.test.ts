import { describe, expect, it } from 'vitest';
import { validateCatalogue } from '../../../../../../shared/modules/catalogue/use-cases/validate-catalogue';
import { quoteFees } from '../../../../../../shared/modules/fees/domain/quote';
import { FeeQuoteRequestSchema } from '../../../../../../shared/modules/fees/api/fee-quote';
import { FEE_FIXTURES, seedCatalogueJson, withFloorRoundingVariant } from '../../../../../support/fee-fixtures';

const catalogue = validateCatalogue(withFloorRoundingVariant(seedCatalogueJson()));
const now = new Date('2026-03-01T02:00:00Z');

function quote(raw: unknown) {
  const request = FeeQuoteRequestSchema.parse(raw);
  const procedure = catalogue.procedures.find((p) => p.code === request.procedureCode)!;
  const agency = catalogue.agencies.find((a) => a.code === procedure.agencyCode);
  return quoteFees(request, { procedure, agency, postageTariff: catalogue.postageTariff, now });
}

describe('Function: quoteFees — domain.md fixtures', () => {
  it.each(FEE_FIXTURES)('fixture $id → $total VND', ({ request, total, basis }) => {
    const result = quote(request);
    expect(result.total).toBe(total);
    expect(result.currency).toBe('VND');
    expect(result.total).toBe(result.items.reduce((s, i) => s + i.amount, 0));
    if (basis) expect(result.items[0]!.basis).toBe(basis);
  });
});

describe('Function: quoteFees — itemisation', () => {
  it('classifies each line as fee or charge with its legal basis', () => {
    const copy = quote({ procedureCode: '2.000815', channel: 'counter', inputs: { pages: 1 } });
    const passport = quote({ procedureCode: '1.003551', channel: 'counter' });
    expect(copy.items[0]).toMatchObject({ kind: 'fee', code: 'copy_certification', legalBasis: expect.stringContaining('226/2016') });
    expect(passport.items[0]).toMatchObject({ kind: 'charge', legalBasis: expect.stringContaining('25/2021') });
  });

  it('lists a reduction with its reason and the line it applies to', () => {
    const result = quote({ procedureCode: '2.000488', channel: 'online', inputs: { certificates: 4 }, beneficiary: { category: 'student', evidenceRef: 'SV-1' } });
    expect(result.reductions).toEqual([
      expect.objectContaining({ code: 'student', ruleCode: 'criminal_record', amount: 100_000, reason: expect.objectContaining({ vi: expect.any(String) }) }),
    ]);
  });

  it('records the schedule version that priced the quote', () => {
    expect(quote({ procedureCode: '1.005398', channel: 'counter', inputs: { declaredValue: 1 }, submittedAt: '2020-06-01T00:00:00Z' }).scheduleVersion).toBe('ND140-2016');
    expect(quote({ procedureCode: '1.005398', channel: 'counter', inputs: { declaredValue: 1 } }).scheduleVersion).toBe('ND10-2022');
  });

  it('takes the submission date in Viet Nam time: 2025-12-31T17:30Z is already 2026-01-01', () => {
    const lastDay = quote({ procedureCode: '1.003551', channel: 'online', submittedAt: '2025-12-31T16:59:59Z' });
    const nextDay = quote({ procedureCode: '1.003551', channel: 'online', submittedAt: '2025-12-31T17:30:00Z' });
    expect(lastDay.total).toBe(180_000);
    expect(nextDay.total).toBe(200_000);
  });

  it('adds postage as its own line, same-province cheaper than other-province', () => {
    const same = quote({ procedureCode: '2.000815', channel: 'online', inputs: { pages: 1 }, delivery: { provinceCode: '31' } });
    const other = quote({ procedureCode: '2.000815', channel: 'online', inputs: { pages: 1 }, delivery: { provinceCode: '01' } });
    expect(same.items.map((i) => i.kind)).toEqual(['fee', 'postage']);
    expect(same.items[1]!.amount).toBeLessThan(other.items[1]!.amount);
    expect(same.total).toBe(2_000 + same.items[1]!.amount);
  });
});

describe('Function: quoteFees — matrix rules', () => {
  it('prices by applicant type × asset type and names the input a missing cell needs', () => {
    const car = quote({ procedureCode: '1.012740', channel: 'counter', inputs: { applicantType: 'individual', assetType: 'car_under_10_seats' } });
    expect(car.total).toBe(20_000_000);
    expect(() => quote({ procedureCode: '1.012740', channel: 'counter', inputs: { applicantType: 'individual', assetType: 'spaceship' } })).toThrow(
      expect.objectContaining({ code: 'NO_RATE_FOR_INPUTS', details: [expect.objectContaining({ path: 'inputs.assetType' })] }),
    );
  });
});

describe('Function: quoteFees — refusals name the field', () => {
  it.each([
    [{ procedureCode: '2.000815', channel: 'counter', inputs: {} }, 'MISSING_INPUT', 'inputs.pages'],
    [{ procedureCode: '2.001229', channel: 'postal', inputs: { declaredValue: 1 } }, 'CHANNEL_NOT_ALLOWED', 'channel'],
    [{ procedureCode: '1.005398', channel: 'counter', inputs: { declaredValue: 1 }, submittedAt: '2010-01-01T00:00:00Z' }, 'NO_SCHEDULE_IN_FORCE', 'submittedAt'],
    [{ procedureCode: '1.004194', channel: 'online', delivery: { provinceCode: '31' } }, 'POSTAL_RETURN_NOT_ALLOWED', 'delivery'],
  ])('%o → %s at %s', (request, code, path) => {
    let caught: unknown;
    try {
      quote(request);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code, details: [expect.objectContaining({ path })] });
  });
});
