import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
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
  };
}

/** Creates the table unless it exists (a persisted local data folder keeps it across restarts). */
export async function ensureTable(client: DynamoDBClient, definition: TableDefinition, tableName = definition.id): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await client.send(new CreateTableCommand(createTableInput(definition, tableName)));
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: definition.timeToLiveAttribute, Enabled: true },
    }),
  );
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

/** Creates a queue and its dead-letter queue with the redrive policy of the definition. */
export async function ensureQueue(client: SQSClient, definition: QueueDefinition): Promise<ProvisionedQueue> {
  const dlq = await createQueue(client, deadLetterQueueName(definition), {
    ...(definition.fifo ? { FifoQueue: 'true' } : {}),
    MessageRetentionPeriod: String(14 * 24 * 60 * 60),
  });
  const queue = await createQueue(client, queueName(definition), queueAttributes(definition, dlq.arn));
  return { ...queue, deadLetterUrl: dlq.url, deadLetterArn: dlq.arn };
}
