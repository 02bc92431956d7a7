import type { CatalogueReader } from '../ports/catalogue';
import { CachedCatalogue } from './cached-catalogue';
import { documentClient, mainTableName } from './dynamodb/client';
import { DynamoCatalogueRepository } from './dynamodb/catalogue-repository';

let reader: CatalogueReader | undefined;

/** The catalogue as handlers read it: DynamoDB behind a short in-container cache. */
export function catalogueReader(): CatalogueReader {
  reader ??= new CachedCatalogue(new DynamoCatalogueRepository(documentClient(), mainTableName()));
  return reader;
}
