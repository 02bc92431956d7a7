import type { CatalogueReader } from '../../modules/catalogue/ports';
import { CachedCatalogue } from '../../modules/catalogue/cached-catalogue';
import { documentClient, mainTableName } from '../../platform/dynamodb/client';
import { DynamoCatalogueRepository } from '../../modules/catalogue/dynamodb';

let reader: CatalogueReader | undefined;

/** The catalogue as handlers read it: DynamoDB behind a short in-container cache. */
export function catalogueReader(): CatalogueReader {
  reader ??= new CachedCatalogue(new DynamoCatalogueRepository(documentClient(), mainTableName()));
  return reader;
}
