/** The catalogue module's public surface: the only thing other modules import. */
export type { Agency, CatalogueFile, Procedure, ProcedureDefinition } from './domain/catalogue';
export type { CatalogueReader, CatalogueWriter, Page } from './ports';
export { CatalogueImportError } from './domain/errors';
