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

/** Operator import: each call replaces the whole list of that level (codes absent from it are removed). */
export interface AdministrativeUnitsWriter {
  saveProvinces(list: readonly Province[]): Promise<void>;
  saveCommunes(list: readonly Commune[]): Promise<void>;
}
