import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IdempotencyBegin } from './ports';

const IDEMPOTENCY_TTL_SECONDS = 48 * 60 * 60;
/**
 * How long an in-progress idempotency record holds its key. Longer than the create-payment Lambda's
 * timeout (10 s), so a record older than this belongs to a request that crashed or timed out, and
 * the next request with the same key and body takes it over instead of being refused for 48 h.
 */
export const IDEMPOTENCY_LEASE_SECONDS = 60;

const key = (scope: string, idempotencyKey: string) => ({ pk: `IDEMP#${scope}#${idempotencyKey}`, sk: 'IDEMP' });

/** Whether a single conditional write failed its condition (the only failure these writes expect). */
const conditionFailed = (error: unknown) => error instanceof ConditionalCheckFailedException || (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException';

/**
 * Idempotency-Key records of POST /payments: one item per (caller, key), holding the request's hash
 * and, once done, the answer to replay; an in-progress record is a lease a crashed request gives up.
 */
export class DynamoIdempotencyRecords {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  async begin(scope: string, idempotencyKey: string, requestHash: string): Promise<IdempotencyBegin> {
    const nowSeconds = this.nowSeconds();
    const record = { ...key(scope, idempotencyKey), requestHash, state: 'in_progress', leaseUntil: nowSeconds + IDEMPOTENCY_LEASE_SECONDS, ttl: nowSeconds + IDEMPOTENCY_TTL_SECONDS };
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: record, ConditionExpression: 'attribute_not_exists(pk)' }));
      return { kind: 'new' };
    } catch (error) {
      if (!conditionFailed(error)) throw error;
    }
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: key(scope, idempotencyKey), ConsistentRead: true }));
    if (!Item) return this.begin(scope, idempotencyKey, requestHash);
    if (Item.requestHash !== requestHash) return { kind: 'mismatch' };
    if (Item.state === 'done') return { kind: 'replay', statusCode: Item.statusCode as number, body: Item.body };
    // Records written before leases existed started IDEMPOTENCY_TTL_SECONDS before their ttl.
    const leaseUntil = typeof Item.leaseUntil === 'number' ? Item.leaseUntil : (Item.ttl as number) - IDEMPOTENCY_TTL_SECONDS + IDEMPOTENCY_LEASE_SECONDS;
    if (leaseUntil > nowSeconds) return { kind: 'in_progress' };
    try {
      // Take over the crashed request's record, conditionally on it being exactly the one read, so
      // that of two requests arriving after the lease only one proceeds.
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: record,
          ConditionExpression: '#state = :progress AND requestHash = :hash AND #ttl = :ttl',
          ExpressionAttributeNames: { '#state': 'state', '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':progress': 'in_progress', ':hash': requestHash, ':ttl': Item.ttl },
        }),
      );
      return { kind: 'new' };
    } catch (error) {
      if (!conditionFailed(error)) throw error;
      return { kind: 'in_progress' };
    }
  }

  async complete(scope: string, idempotencyKey: string, statusCode: number, body: unknown): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: key(scope, idempotencyKey),
        UpdateExpression: 'SET #state = :done, statusCode = :status, body = :body',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':done': 'done', ':status': statusCode, ':body': body },
      }),
    );
  }

  /** A request that failed with an error may be retried with the same key. Best effort: the lease ends anyway. */
  async abandon(scope: string, idempotencyKey: string): Promise<void> {
    await this.client
      .send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: key(scope, idempotencyKey),
          ConditionExpression: '#state = :progress',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':progress': 'in_progress' },
        }),
      )
      .catch(() => undefined);
  }
}
