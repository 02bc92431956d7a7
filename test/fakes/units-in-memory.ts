import { readFile } from 'node:fs/promises';
import type { AdministrativeUnitsDirectory, AdministrativeUnitsReader, AdministrativeUnitsWriter } from '../../shared/modules/addresses/ports';
import { parseAdministrativeUnitsCsv, type Commune, type Province } from '../../shared/modules/addresses/domain/administrative-units';

/**
 * The units held in memory, for unit tests: a fake of the units ports. A list that was never saved
 * counts as not loaded, as in the DynamoDB adapter.
 */
export class InMemoryAdministrativeUnits implements AdministrativeUnitsReader, AdministrativeUnitsDirectory, AdministrativeUnitsWriter {
  private provinces: Map<string, Province> | undefined;
  private communes: Map<string, Commune> | undefined;

  constructor(initial: { provinces?: readonly Province[]; communes?: readonly Commune[] } = {}) {
    if (initial.provinces) this.provinces = byCode(initial.provinces);
    if (initial.communes) this.communes = byCode(initial.communes);
  }

  async getProvince(code: string): Promise<Province | undefined> {
    return this.provinces?.get(code);
  }

  async getCommune(code: string): Promise<Commune | undefined> {
    return this.communes?.get(code);
  }

  async hasProvinces(): Promise<boolean> {
    return this.provinces !== undefined;
  }

  async hasCommunes(): Promise<boolean> {
    return this.communes !== undefined;
  }

  async listProvinces(): Promise<readonly Province[] | undefined> {
    return this.provinces && [...this.provinces.values()].sort(byCodeOrder);
  }

  async listCommunes(provinceCode: string): Promise<readonly Commune[] | undefined> {
    return this.communes && this.communesOf(provinceCode).sort(byCodeOrder);
  }

  async saveProvinces(list: readonly Province[]): Promise<void> {
    this.provinces = byCode(list);
  }

  async saveCommunes(list: readonly Commune[]): Promise<void> {
    this.communes = byCode(list);
  }

  /** Every commune of a province, for tests and local tooling (the DynamoDB adapter has no such scan). */
  communesOf(provinceCode: string): Commune[] {
    return [...(this.communes?.values() ?? [])].filter((c) => c.provinceCode === provinceCode);
  }
}

const byCodeOrder = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

function byCode<T extends { code: string }>(list: readonly T[]): Map<string, T> {
  return new Map(list.map((unit) => [unit.code, unit]));
}

/**
 * Loads the official CSV files (provinces, communes or both, recognised by their headers). A bad file
 * throws AdministrativeUnitsFileError naming the file in the message and the lines in the details.
 */
export async function loadUnitsFromCsvFiles(paths: readonly string[]): Promise<InMemoryAdministrativeUnits> {
  const units = new InMemoryAdministrativeUnits();
  for (const path of paths) {
    let file;
    try {
      file = parseAdministrativeUnitsCsv(await readFile(path, 'utf8'));
    } catch (error) {
      if (error instanceof Error) error.message = `${path}: ${error.message}`;
      throw error;
    }
    if (file.kind === 'provinces') await units.saveProvinces(file.provinces);
    else await units.saveCommunes(file.communes);
  }
  return units;
}
