/**
 * `npm run catalogue:import -- <file> [--local]`: validates a catalogue file and writes it to the
 * table named by TABLE_NAME with the standard AWS configuration (credentials, region). `--local`
 * targets the running local runtime instead (it records its endpoints in DATA_DIR/runtime.json).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoCatalogueRepository } from '../shared/modules/catalogue/dynamodb';
import { DomainError } from '../shared/platform/kernel/errors';
import { importCatalogue } from '../shared/modules/catalogue/use-cases/import-catalogue';
import { tableTarget } from './table-target';


async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: npm run catalogue:import -- <catalogue.json> [--local]');
    return 2;
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(resolve(file), 'utf8'));
  } catch (error) {
    console.error(`Cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const { client, tableName, where } = tableTarget(args.includes('--local'));
  try {
    const summary = await importCatalogue(new DynamoCatalogueRepository(DynamoDBDocumentClient.from(client), tableName), json);
    console.log(`Imported ${summary.procedures} procedures, ${summary.agencies} agencies and postage tariff ${summary.postageTariffVersion} into ${where}.`);
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(`${file}: ${error.message}; nothing was imported.`);
    for (const issue of error.details) console.error(`  ${issue.path}: ${issue.message}`);
    return 1;
  } finally {
    client.destroy();
  }
}

process.exitCode = await main();
