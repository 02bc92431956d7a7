import { parseCatalogueFile } from '../api/catalogue-file';
import { catalogueIssues } from '../domain/catalogue-checks';
import type { CatalogueFile } from '../domain/catalogue';
import { CatalogueImportError } from '../domain/errors';

/**
 * Parses and checks a catalogue file: its shape first, then what holds across entries. Throws one
 * error listing every problem found, so an invalid file is refused whole.
 */
export function validateCatalogue(file: unknown): CatalogueFile {
  const catalogue = parseCatalogueFile(file);
  const issues = catalogueIssues(catalogue);
  if (issues.length > 0) throw new CatalogueImportError('Catalogue file is invalid', { details: issues });
  return catalogue;
}
