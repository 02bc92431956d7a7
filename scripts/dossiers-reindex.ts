/**
 * `npm run dossiers:reindex [-- --local]`: writes the list rows (GET /v1/me/dossiers, GET
 * /v1/agencies/{code}/dossiers) of dossiers registered before the lists were deployed, in the table
 * named by TABLE_NAME with the standard AWS configuration. Run it once after the deployment that adds
 * the gsi2 index; `--local` targets the running local runtime (which also does it by itself when it
 * adds the index to an old data folder). A row a dossier's own write put since is never overwritten
 * with an older one, so it is safe to run while the API serves and to run again.
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { backfillDossierListings } from '../shared/modules/dossiers/listing-backfill';
import { tableTarget } from './table-target';

async function main(): Promise<number> {
  const { client, tableName, where } = tableTarget(process.argv.slice(2).includes('--local'));
  try {
    const { dossiers, written } = await backfillDossierListings(DynamoDBDocumentClient.from(client), tableName);
    console.log(`Listed ${dossiers} dossiers in ${where}: ${written} list rows written, ${dossiers * 2 - written} already current.`);
    return 0;
  } finally {
    client.destroy();
  }
}

process.exitCode = await main();
