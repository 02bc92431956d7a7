import type { Agency, CatalogueFile, CatalogueReader, CatalogueWriter, Page, ProcedureDefinition } from '../../shared/modules/catalogue';
import type { PostageTariff } from '../../shared/modules/fees';
import { validateCatalogue } from '../../shared/modules/catalogue/use-cases/validate-catalogue';
import { seedCatalogueJson } from '../support/fee-fixtures';

/**
 * The catalogue in memory, with the DynamoDB store's rules: procedures listed in code order, a page
 * continues after the code in its cursor, saving replaces the entries named in the file. Counts reads
 * so tests can tell what a use case loaded.
 */
export class InMemoryCatalogue implements CatalogueReader, CatalogueWriter {
  private readonly procedures = new Map<string, ProcedureDefinition>();
  private readonly agencies = new Map<string, Agency>();
  private postageTariff: PostageTariff | undefined;
  readonly reads: string[] = [];
  saves = 0;

  /** The catalogue the project ships (data/catalogue.json), validated as an import would. */
  static seeded(): InMemoryCatalogue {
    const catalogue = new InMemoryCatalogue();
    catalogue.load(validateCatalogue(seedCatalogueJson()));
    return catalogue;
  }

  /** The seed catalogue without its postage tariff, as a table where none was imported yet. */
  static seededWithoutPostageTariff(): InMemoryCatalogue {
    const catalogue = InMemoryCatalogue.seeded();
    catalogue.postageTariff = undefined;
    return catalogue;
  }

  async getProcedure(code: string): Promise<ProcedureDefinition | undefined> {
    this.reads.push(`procedure:${code}`);
    return this.procedures.get(code);
  }

  async listProcedures(page: { limit: number; cursor?: string }): Promise<Page<ProcedureDefinition>> {
    this.reads.push('procedures');
    const sorted = [...this.procedures.values()].sort((a, b) => a.code.localeCompare(b.code));
    const start = page.cursor === undefined ? 0 : sorted.findIndex((p) => p.code > page.cursor!);
    const items = start < 0 ? [] : sorted.slice(start, start + page.limit);
    const last = items.at(-1);
    const more = last !== undefined && sorted.at(-1)!.code !== last.code;
    return more ? { items, nextCursor: last.code } : { items };
  }

  async getAgency(code: string): Promise<Agency | undefined> {
    this.reads.push(`agency:${code}`);
    return this.agencies.get(code);
  }

  async listAgencies(): Promise<readonly Agency[]> {
    this.reads.push('agencies');
    return [...this.agencies.values()].sort((a, b) => a.code.localeCompare(b.code));
  }

  async getPostageTariff(): Promise<PostageTariff | undefined> {
    this.reads.push('postage-tariff');
    return this.postageTariff;
  }

  async saveCatalogue(catalogue: CatalogueFile): Promise<void> {
    this.saves++;
    this.load(catalogue);
  }

  private load(catalogue: CatalogueFile): void {
    for (const agency of catalogue.agencies) this.agencies.set(agency.code, agency);
    for (const procedure of catalogue.procedures) this.procedures.set(procedure.code, procedure);
    this.postageTariff = catalogue.postageTariff;
  }
}
