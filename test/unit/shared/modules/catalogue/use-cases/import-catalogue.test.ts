import { describe, expect, it } from 'vitest';
import { CatalogueImportError } from '../../../../../../shared/modules/catalogue';
import { importCatalogue } from '../../../../../../shared/modules/catalogue/use-cases/import-catalogue';
import { seedCatalogueJson } from '../../../../../support/fee-fixtures';
import { InMemoryCatalogue } from '../../../../../fakes/catalogue-in-memory';

describe('Function: importCatalogue', () => {
  it('writes a valid file once and says what it wrote', async () => {
    // Prepare
    const file = seedCatalogueJson() as { agencies: unknown[]; procedures: unknown[] };
    const catalogue = new InMemoryCatalogue();
    // Act
    const summary = await importCatalogue(catalogue, file);
    // Assess
    expect(summary).toEqual({ agencies: file.agencies.length, procedures: file.procedures.length, postageTariffVersion: 'BCCI-2025' });
    expect(catalogue.saves).toBe(1);
    expect(await catalogue.getProcedure('2.000815')).toMatchObject({ code: '2.000815', agencyCode: 'HP-PX' });
  });

  it.each([
    ['a schema problem', (c: any) => (c.procedures[0].channels = ['fax'])],
    ['a cross-entry problem', (c: any) => (c.procedures[0].agencyCode = 'NOWHERE')],
  ])('writes nothing when the file has %s', async (_, spoil) => {
    // Prepare
    const file = structuredClone(seedCatalogueJson()) as any;
    spoil(file);
    const catalogue = new InMemoryCatalogue();
    // Act
    const importing = importCatalogue(catalogue, file);
    // Assess
    await expect(importing).rejects.toBeInstanceOf(CatalogueImportError);
    expect(catalogue.saves).toBe(0);
  });
});
