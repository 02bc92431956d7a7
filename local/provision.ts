import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import {
  deadLetterQueueName,
  queueName,
  type QueueDefinition,
  type TableDefinition,
} from '../shared/platform/config/resources';

/** The CreateTable request for a table definition: the local twin of the CDK table construct. */
export function createTableInput(definition: TableDefinition, tableName = definition.id): CreateTableCommandInput {
  const attributes = new Map<string, string>();
  const keys = [definition.partitionKey, definition.sortKey, ...definition.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  for (const key of keys) attributes.set(key.name, key.type);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({
      AttributeName,
      AttributeType: AttributeType as 'S' | 'N',
    })),
    KeySchema: [
      { AttributeName: definition.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: definition.sortKey.name, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: definition.globalSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
        { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    ...(definition.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: definition.stream } } : {}),
  };
}

export interface EnsuredTable {
  /** Indexes added to a table that existed without them (a data folder older than their declaration). */
  readonly addedIndexes: readonly string[];
}

/**
 * Creates the table unless it exists (a persisted local data folder keeps it across restarts), and
 * adds any index declared since that folder was made, as a deployment of the stack would.
 */
export async function ensureTable(client: DynamoDBClient, definition: TableDefinition, tableName = definition.id): Promise<EnsuredTable> {
  let existing: TableDescription | undefined;
  try {
    existing = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  if (existing) {
    const addedIndexes = await addMissingIndexes(client, definition, tableName, existing);
    // A data folder older than the table's stream: turn it on, as a deployment of the stack would.
    if (definition.stream && !existing.StreamSpecification?.StreamEnabled) {
      await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: definition.stream } }));
    }
    return { addedIndexes };
  }
  await client.send(new CreateTableCommand(createTableInput(definition, tableName)));
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: definition.timeToLiveAttribute, Enabled: true },
    }),
  );
  return { addedIndexes: [] };
}

const INDEX_ACTIVE_TIMEOUT_MS = 60_000;

/** One index per UpdateTable (DynamoDB's rule), each waited for until it serves queries. */
async function addMissingIndexes(client: DynamoDBClient, definition: TableDefinition, tableName: string, table: TableDescription): Promise<string[]> {
  const present = new Set((table.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  const wanted = createTableInput(definition, tableName);
  const added: string[] = [];
  for (const index of wanted.GlobalSecondaryIndexes ?? []) {
    if (present.has(index.IndexName)) continue;
    await client.send(
      new UpdateTableCommand({ TableName: tableName, AttributeDefinitions: wanted.AttributeDefinitions, GlobalSecondaryIndexUpdates: [{ Create: index }] }),
    );
    const deadline = Date.now() + INDEX_ACTIVE_TIMEOUT_MS;
    for (;;) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      if (Table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === index.IndexName)?.IndexStatus === 'ACTIVE') break;
      if (Date.now() > deadline) throw new Error(`Index ${index.IndexName} of ${tableName} did not become active within ${INDEX_ACTIVE_TIMEOUT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    added.push(index.IndexName!);
  }
  return added;
}

/** Queue attributes for a definition: the local twin of the CDK queue construct. */
export function queueAttributes(definition: QueueDefinition, deadLetterArn?: string): Record<string, string> {
  return {
    ...(definition.fifo ? { FifoQueue: 'true', ContentBasedDeduplication: 'false' } : {}),
    VisibilityTimeout: String(definition.visibilityTimeoutSeconds),
    MessageRetentionPeriod: String(definition.retentionDays * 24 * 60 * 60),
    ...(deadLetterArn
      ? { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: deadLetterArn, maxReceiveCount: definition.maxReceiveCount }) }
      : {}),
  };
}

export interface ProvisionedQueue {
  readonly url: string;
  readonly arn: string;
  readonly deadLetterUrl: string;
  readonly deadLetterArn: string;
}

async function createQueue(client: SQSClient, name: string, attributes: Record<string, string>) {
  const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  return { url: QueueUrl!, arn: Attributes!.QueueArn! };
}

/** A stream's failure queue (Lambda's on-failure destination): a standard queue, no consumer. */
export async function ensureFailureQueue(client: SQSClient, queue: { readonly name: string; readonly retentionDays: number }): Promise<{ url: string; arn: string }> {
  return createQueue(client, queue.name, { MessageRetentionPeriod: String(queue.retentionDays * 24 * 60 * 60) });
}

/** Creates a queue and its dead-letter queue with the redrive policy of the definition. */
export async function ensureQueue(client: SQSClient, definition: QueueDefinition): Promise<ProvisionedQueue> {
  const dlq = await createQueue(client, deadLetterQueueName(definition), {
    ...(definition.fifo ? { FifoQueue: 'true' } : {}),
    MessageRetentionPeriod: String(14 * 24 * 60 * 60),
  });
  const queue = await createQueue(client, queueName(definition), queueAttributes(definition, dlq.arn));
  return { ...queue, deadLetterUrl: dlq.url, deadLetterArn: dlq.arn };
}
