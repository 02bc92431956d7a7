import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/**
 * Reads a query to its end (or until `limit` items), page by page, so no store writes its own
 * `LastEvaluatedKey` loop. For what an API answers page by page, use cursors (cursor.ts) instead.
 */
export async function queryAll(
  client: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
  limit = Number.POSITIVE_INFINITY,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const remaining = limit - items.length;
    const page = await client.send(
      new QueryCommand({
        ...input,
        ...(Number.isFinite(remaining) ? { Limit: Math.min(input.Limit ?? remaining, remaining) } : {}),
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start && items.length < limit);
  return items;
}
