import type { Commune, Province } from './domain/administrative-units';

/**
 * Lookups of the official administrative units. `hasProvinces` / `hasCommunes` say whether a list was
 * imported at all, so address validation can tell "unknown code" from "nothing to check against".
 */
export interface AdministrativeUnitsReader {
  getProvince(code: string): Promise<Province | undefined>;
  getCommune(code: string): Promise<Commune | undefined>;
  hasProvinces(): Promise<boolean>;
  hasCommunes(): Promise<boolean>;
}

/**
 * The imported lists themselves, for the address API (portals fill their province and commune pickers
 * from it). Each list is in code order; `undefined` when that list was never imported.
 */
export interface AdministrativeUnitsDirectory {
  listProvinces(): Promise<readonly Province[] | undefined>;
  /** The communes of one province; `undefined` when no commune list was imported. */
  listCommunes(provinceCode: string): Promise<readonly Commune[] | undefined>;
}

/** Operator import: each call replaces the whole list of that level (codes absent from it are removed). */
export interface AdministrativeUnitsWriter {
  saveProvinces(list: readonly Province[]): Promise<void>;
  saveCommunes(list: readonly Commune[]): Promise<void>;
}
