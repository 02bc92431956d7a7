/** The catalogue module's public surface: the only thing other modules import. */
export type { Agency, ProcedureDefinition } from './api/procedure';
export type { CatalogueReader } from './ports';
