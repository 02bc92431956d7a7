import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { RetryableWriteConflict, withOptimisticRetry, type RetryPolicy } from './optimistic';

/** One put or delete of a BatchWriteItem request, as the document client takes it. */
export type BatchWriteRequest =
  | { readonly PutRequest: { readonly Item: Record<string, unknown> } }
  | { readonly DeleteRequest: { readonly Key: Record<string, unknown> } };

/** DynamoDB takes at most 25 requests per BatchWriteItem call. */
export const BATCH_WRITE_LIMIT = 25;

/**
 * Bulk imports (catalogue, administrative units) write thousands of items, often while the table
 * scales up: more rounds and longer back-off than a single optimistic write needs. The attempts
 * themselves and what counts as retryable are still decided by {@link withOptimisticRetry}.
 */
export const BulkWriteRetryPolicy: RetryPolicy = { attempts: 9, baseDelayMs: 100 };

/**
 * Writes every request, 25 per call, resending what DynamoDB leaves unprocessed (and retrying a
 * throttled call) until nothing is left or the policy's attempts run out. Not atomic: items of earlier
 * chunks stay written if a later chunk fails, so callers write idempotent items and may run again.
 */
export async function batchWriteAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  requests: readonly BatchWriteRequest[],
  policy: RetryPolicy = BulkWriteRetryPolicy,
): Promise<void> {
  for (let start = 0; start < requests.length; start += BATCH_WRITE_LIMIT) {
    let pending = requests.slice(start, start + BATCH_WRITE_LIMIT);
    await withOptimisticRetry(async () => {
      const result = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending as BatchWriteRequest[] } }));
      pending = (result.UnprocessedItems?.[tableName] ?? []) as BatchWriteRequest[];
      if (pending.length > 0) throw new RetryableWriteConflict(`DynamoDB left ${pending.length} of a batch write unprocessed`);
    }, policy);
  }
}
