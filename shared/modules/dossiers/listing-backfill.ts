import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Dossier } from './domain/dossier';
import { listingRows } from './dynamodb-listing';

export interface ListingBackfill {
  /** Dossier items read. */
  readonly dossiers: number;
  /** Rows written (missing, or older than their dossier). */
  readonly written: number;
}

/**
 * Writes the list rows of dossiers registered before the lists existed: a one-off migration an
 * operator runs after deploying them (npm run dossiers:reindex; the local runtime runs it when it adds
 * the index to an old data folder). It scans the table, which no function ever does. A row is put only
 * where none is or an older one is, so a dossier that changed meanwhile keeps the row its own write
 * put, and running it again writes nothing.
 */
export async function backfillDossierListings(client: DynamoDBDocumentClient, tableName: string): Promise<ListingBackfill> {
  let dossiers = 0;
  let written = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'sk = :dossier',
        ExpressionAttributeValues: { ':dossier': 'DOSSIER' },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const item of page.Items ?? []) {
      dossiers++;
      const { pk: _pk, sk: _sk, ...dossier } = item;
      for (const row of listingRows(dossier as Dossier)) {
        try {
          await client.send(
            new PutCommand({
              TableName: tableName,
              Item: row.item,
              ConditionExpression: 'attribute_not_exists(pk) OR #version < :version',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':version': (dossier as Dossier).version },
            }),
          );
          written++;
        } catch (error) {
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        }
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return { dossiers, written };
}
