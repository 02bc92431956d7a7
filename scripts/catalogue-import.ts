/**
 * `npm run catalogue:import -- <file> [--local]`: validates a catalogue file and writes it to the
 * table named by TABLE_NAME with the standard AWS configuration (credentials, region). `--local`
 * targets the running local runtime instead (it records its endpoints in DATA_DIR/runtime.json).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoCatalogueRepository } from '../shared/adapters/dynamodb/catalogue-repository';
import { DomainError } from '../shared/domain/errors';
import { importCatalogue } from '../shared/use-cases/import-catalogue';
import { localCredentials, LOCAL_REGION } from '../shared/local/emulators/credentials';
import { readRuntimeInfo } from '../shared/local/runtime-info';

function target(local: boolean): { client: DynamoDBClient; tableName: string; where: string } {
  if (local) {
    const info = readRuntimeInfo(process.env.DATA_DIR ?? '.local/data');
    return {
      client: new DynamoDBClient({ endpoint: info.dynamoDbEndpoint, region: LOCAL_REGION, credentials: localCredentials }),
      tableName: info.tableName,
      where: `local runtime (${info.dynamoDbEndpoint})`,
    };
  }
  const tableName = process.env.TABLE_NAME;
  if (!tableName) throw new Error('Set TABLE_NAME to the catalogue table (or pass --local for the local runtime)');
  return { client: new DynamoDBClient({}), tableName, where: `table ${tableName}` };
}

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
  const { client, tableName, where } = target(args.includes('--local'));
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
