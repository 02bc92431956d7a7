import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { RetryableWriteConflict, withOptimisticRetry, type RetryPolicy } from './optimistic';

type Key = Record<string, unknown>;
type Item = Record<string, unknown>;

/** DynamoDB takes at most 100 keys per BatchGetItem call. */
export const BATCH_GET_LIMIT = 100;

/** A read of a few keys on the request path: a few quick rounds, not the long back-off of imports. */
export const BatchGetRetryPolicy: RetryPolicy = { attempts: 5, baseDelayMs: 20, maxDelayMs: 500 };

/**
 * Gets every key, 100 per call and the calls in parallel, asking again for what DynamoDB leaves
 * unprocessed (and retrying a throttled call) until nothing is left or the policy's attempts run out.
 * Absent keys are simply absent from the answer, whose order is not the keys' order.
 */
export async function batchGetAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Key[],
  options: { readonly consistentRead?: boolean; readonly policy?: RetryPolicy } = {},
): Promise<Item[]> {
  const chunks: Key[][] = [];
  for (let start = 0; start < keys.length; start += BATCH_GET_LIMIT) chunks.push(keys.slice(start, start + BATCH_GET_LIMIT));
  const found = await Promise.all(
    chunks.map(async (chunk) => {
      const items: Item[] = [];
      let pending = chunk;
      await withOptimisticRetry(async () => {
        const result = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ...(options.consistentRead ? { ConsistentRead: true } : {}) } } }));
        items.push(...(result.Responses?.[tableName] ?? []));
        pending = (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as Key[];
        if (pending.length > 0) throw new RetryableWriteConflict(`DynamoDB left ${pending.length} keys of a batch get unprocessed`);
      }, options.policy ?? BatchGetRetryPolicy);
      return items;
    }),
  );
  return found.flat();
}
