import type { Agency, CatalogueFile, ProcedureDefinition } from './domain/catalogue';
import type { PostageTariff } from '../fees';

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor?: string;
}

/** Reads of the procedure catalogue: what the fee engine and the API need. */
export interface CatalogueReader {
  getProcedure(code: string): Promise<ProcedureDefinition | undefined>;
  listProcedures(page: { limit: number; cursor?: string }): Promise<Page<ProcedureDefinition>>;
  getAgency(code: string): Promise<Agency | undefined>;
  /** Every agency, in code order (the KPI rollup ranks each, with or without dossiers). */
  listAgencies(): Promise<readonly Agency[]>;
  getPostageTariff(): Promise<PostageTariff | undefined>;
}

/** Operator import: replaces the catalogue entries named in the file. */
export interface CatalogueWriter {
  saveCatalogue(catalogue: CatalogueFile): Promise<void>;
}
