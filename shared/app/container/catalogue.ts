import type { CatalogueReader } from '../../modules/catalogue/ports';
import { CachedCatalogue } from '../../modules/catalogue/cached-catalogue';
import { DynamoCatalogueRepository } from '../../modules/catalogue/dynamodb';
import type { AdministrativeUnitsDirectory, AdministrativeUnitsReader } from '../../modules/addresses/ports';
import { DynamoAdministrativeUnitsRepository } from '../../modules/addresses/dynamodb';
import { dynamo } from './dynamo';
import { definePart } from './part';

export interface CatalogueMembers {
  readonly catalogue: CatalogueReader;
}

export const catalogue = /* @__PURE__ */ definePart<CatalogueMembers>()('catalogue', [dynamo], (c, { once, tableName }) => ({
  get catalogue() {
    return once('catalogue', () => new CachedCatalogue(new DynamoCatalogueRepository(c.documentClient, tableName())));
  },
}));

export interface AddressesMembers {
  readonly units: AdministrativeUnitsReader;
  /** The lists themselves, for the address API. */
  readonly unitsDirectory: AdministrativeUnitsDirectory;
}

export const addresses = /* @__PURE__ */ definePart<AddressesMembers>()('addresses', [dynamo], (c, { once, tableName }) => ({
  get units() {
    return once('units', () => new DynamoAdministrativeUnitsRepository(c.documentClient, tableName()));
  },
  get unitsDirectory() {
    return once('unitsDirectory', () => new DynamoAdministrativeUnitsRepository(c.documentClient, tableName()));
  },
}));
