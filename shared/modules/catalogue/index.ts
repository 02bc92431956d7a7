/** The catalogue module's public surface: the only thing other modules import. */
export { AGENCY_LEVELS } from './domain/catalogue';
export type { Agency, AgencyLevel, CatalogueFile, Procedure, ProcedureDefinition } from './domain/catalogue';
export type { CatalogueReader, CatalogueWriter, Page } from './ports';
export { CatalogueImportError } from './domain/errors';
