import { describe, expect, it } from 'vitest';
import { CatalogueImportError } from '../../../../../../shared/modules/catalogue/domain/errors';
import { validateCatalogue } from '../../../../../../shared/modules/catalogue/use-cases/validate-catalogue';
import { seedCatalogueJson } from '../../../../../support/fee-fixtures';

function catalogueWith(mutate: (c: any) => void): any {
  const c = structuredClone(seedCatalogueJson()) as any;
  mutate(c);
  return c;
}

const proc = (c: any, code: string) => c.procedures.find((p: any) => p.code === code);

function issuesOf(file: unknown): Array<{ path: string; message: string }> {
  try {
    validateCatalogue(file);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogueImportError);
    return [...(error as CatalogueImportError).details];
  }
  throw new Error('expected the catalogue to be refused');
}

describe('Function: validateCatalogue', () => {
  it('accepts the seed catalogue', () => {
    expect(validateCatalogue(seedCatalogueJson()).procedures.length).toBeGreaterThanOrEqual(9);
  });

  it.each([
    [
      'overlapping validity windows',
      (c: any) => proc(c, '1.005398').schedules[1].validFrom = '2022-02-01',
      /procedures\[\d+\]\(1\.005398\)\.schedules\[1\]/,
      /overlaps schedules\[0\]/,
    ],
    [
      'an unknown rule kind',
      (c: any) => (proc(c, '2.000884').schedules[0].rules[0].type = 'per_moon'),
      /procedures\[\d+\]\(2\.000884\)\.schedules\[0\]\(TT226-2016\)\.rules\[0\]\(signature_certification\)\.type/,
      /.+/,
    ],
    [
      'a missing rate',
      (c: any) => delete proc(c, '2.000884').schedules[0].rules[0].amount,
      /procedures\[\d+\]\(2\.000884\).*rules\[0\]\(signature_certification\)\.amount/,
      /.+/,
    ],
    [
      'a gap between tiers',
      (c: any) => (proc(c, '2.000815').schedules[0].rules[0].tiers[1].from = 4),
      /procedures\[\d+\]\(2\.000815\)\.schedules\[0\]\.rules\[0\]\.tiers\[1\]\.from/,
      /must be 3/,
    ],
    [
      'a negative processing time',
      (c: any) => (proc(c, '1.004194').processingDays = -1),
      /procedures\[\d+\]\(1\.004194\)\.processingDays/,
      /.+/,
    ],
    [
      'a processing time in fractions of a working day',
      (c: any) => (proc(c, '1.004194').processingDays = 2.5),
      /procedures\[\d+\]\(1\.004194\)\.processingDays/,
      /.+/,
    ],
    [
      'an unknown agency',
      (c: any) => (proc(c, '2.000815').agencyCode = 'NOWHERE'),
      /procedures\[\d+\]\(2\.000815\)\.agencyCode/,
      /unknown agency/,
    ],
    [
      'a reduction for a rule that does not exist',
      (c: any) => (proc(c, '2.000488').schedules[0].reductions[0].appliesTo = ['ghost']),
      /procedures\[\d+\]\(2\.000488\)\.schedules\[0\]\.reductions\[0\]\.appliesTo/,
      /no rule ghost/,
    ],
    [
      'a duplicate procedure code',
      (c: any) => c.procedures.push(structuredClone(proc(c, '2.000815'))),
      /procedures\[\d+\]\(2\.000815\)/,
      /duplicate procedure code/,
    ],
    [
      'bands that do not ascend',
      (c: any) => (proc(c, '2.001229').schedules[0].rules[0].bands[1].upTo = 1),
      /procedures\[\d+\]\(2\.001229\)\.schedules\[0\]\.rules\[0\]\.bands\[1\]\.upTo/,
      /ascend/,
    ],
    [
      'a negative amount',
      (c: any) => (proc(c, '1.004194').schedules[0].rules[0].amount = -5),
      /procedures\[\d+\]\(1\.004194\).*amount/,
      /.+/,
    ],
  ])('refuses %s and names the entry', (_case, mutate, path, message) => {
    const issues = issuesOf(catalogueWith(mutate));
    expect(issues).toContainEqual({ path: expect.stringMatching(path), message: expect.stringMatching(message) });
  });

  it('reports every problem of a file at once', () => {
    const issues = issuesOf(
      catalogueWith((c) => {
        proc(c, '2.000815').agencyCode = 'NOWHERE';
        proc(c, '2.000488').schedules[0].reductions[0].appliesTo = ['ghost'];
      }),
    );
    expect(issues).toHaveLength(2);
  });
});
