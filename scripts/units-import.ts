/**
 * `npm run units:import -- <csv> [<csv>…] [--local]`: validates the official lists of administrative
 * units (provinces-2025.csv, communes-2025.csv, recognised by their headers) and writes them to the
 * table named by TABLE_NAME with the standard AWS configuration. Each file replaces the whole list of
 * its level. `--local` targets the running local runtime (DATA_DIR/runtime.json). Every file is
 * checked before anything is written, so a bad file imports nothing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoAdministrativeUnitsRepository } from '../shared/modules/addresses/dynamodb';
import { parseAdministrativeUnitsCsv, type AdministrativeUnitsFile } from '../shared/modules/addresses/domain/administrative-units';
import { DomainError } from '../shared/platform/kernel/errors';
import { tableTarget } from './table-target';


/** Parses every file first; undefined when any is unreadable or invalid (the reasons are printed). */
function readAll(files: readonly string[]): { file: string; units: AdministrativeUnitsFile }[] | undefined {
  const parsed: { file: string; units: AdministrativeUnitsFile }[] = [];
  let failed = false;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(resolve(file), 'utf8');
    } catch (error) {
      console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
      failed = true;
      continue;
    }
    try {
      parsed.push({ file, units: parseAdministrativeUnitsCsv(text) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      console.error(`${file}: ${error.message}; nothing was imported.`);
      for (const issue of error.details) console.error(`  ${issue.path}: ${issue.message}`);
      failed = true;
    }
  }
  return failed ? undefined : parsed;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length === 0) {
    console.error('usage: npm run units:import -- <provinces.csv|communes.csv> [more.csv] [--local]');
    return 2;
  }
  const parsed = readAll(files);
  if (!parsed) return 1;
  const { client, tableName, where } = tableTarget(args.includes('--local'));
  try {
    const repository = new DynamoAdministrativeUnitsRepository(DynamoDBDocumentClient.from(client), tableName);
    for (const { file, units } of parsed) {
      if (units.kind === 'provinces') {
        await repository.saveProvinces(units.provinces);
        console.log(`Imported ${units.provinces.length} provinces from ${file} into ${where}.`);
      } else {
        await repository.saveCommunes(units.communes);
        const provinces = new Set(units.communes.map((c) => c.provinceCode)).size;
        console.log(`Imported ${units.communes.length} communes of ${provinces} provinces from ${file} into ${where}.`);
      }
    }
    return 0;
  } finally {
    client.destroy();
  }
}

process.exitCode = await main();
