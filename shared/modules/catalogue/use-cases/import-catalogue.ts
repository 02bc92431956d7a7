import { validateCatalogue } from './validate-catalogue';
import type { CatalogueWriter } from '../ports';

export interface ImportSummary {
  readonly agencies: number;
  readonly procedures: number;
  readonly postageTariffVersion: string;
}

/**
 * Validates a whole catalogue file before writing anything: an invalid file changes nothing and the
 * error lists every problem by the entry it is about.
 */
export async function importCatalogue(writer: CatalogueWriter, file: unknown): Promise<ImportSummary> {
  const catalogue = validateCatalogue(file);
  await writer.saveCatalogue(catalogue);
  return {
    agencies: catalogue.agencies.length,
    procedures: catalogue.procedures.length,
    postageTariffVersion: catalogue.postageTariff.version,
  };
}
