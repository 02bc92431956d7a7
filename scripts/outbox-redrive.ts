/**
 * Redrive of the dossier outbox stream's failure queue. Lambda's on-failure record for a stream says
 * where the failed batch is (shard, first and last sequence number), not what it holds; so for each
 * record this reads that range of the stream back (the stream keeps 24 h; the failure alarm fires at
 * the first record), takes each selected outbox row as it is now in the table (its stream image if
 * the row has expired), and sends its event to the FIFO queue with a fresh deduplication id. The
 * consumer applies each event id once, so an event published meanwhile changes nothing.
 */
import { GetRecordsCommand, GetShardIteratorCommand, TrimmedDataAccessException, type DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { MainTable, Streams } from '../shared/platform/config/resources';
import { selectedBy } from '../shared/platform/dynamodb/stream-records';
import { sqsMessageId } from '../shared/platform/sqs/message-ids';
import { DossierEventSchema, type DossierEvent } from '../shared/modules/dossiers/api/dossier-events';
import { dossierEventMessage } from '../shared/modules/dossiers/sqs-publisher';

export interface OutboxRedriveTarget {
  readonly failureQueueUrl: string;
  readonly queueUrl: string;
  readonly tableName: string;
}

interface BatchInfo {
  readonly shardId: string;
  readonly startSequenceNumber: string;
  readonly endSequenceNumber: string;
  readonly streamArn: string;
}

export interface OutboxRedriveResult {
  readonly failureRecords: number;
  readonly republished: number;
  /** Failure records left on the queue, each with why. */
  readonly kept: readonly string[];
}

const readable = (value: unknown): DossierEvent | undefined => {
  const parsed = DossierEventSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

/** The events of the outbox rows in a failed batch; a string says why they cannot be had. */
async function eventsOf(streams: DynamoDBStreamsClient, documents: DynamoDBDocumentClient, tableName: string, info: BatchInfo): Promise<DossierEvent[] | string> {
  const end = BigInt(info.endSequenceNumber);
  const events: DossierEvent[] = [];
  try {
    let { ShardIterator: iterator } = await streams.send(
      new GetShardIteratorCommand({ StreamArn: info.streamArn, ShardId: info.shardId, ShardIteratorType: 'AT_SEQUENCE_NUMBER', SequenceNumber: info.startSequenceNumber }),
    );
    while (iterator) {
      const { Records = [], NextShardIterator } = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      for (const record of Records) {
        if (BigInt(record.dynamodb!.SequenceNumber!) > end) return events;
        if (!selectedBy(Streams.dossierOutbox.filter, MainTable.sortKey.name, record as DynamoDBRecord)) continue;
        const key = unmarshall(record.dynamodb!.Keys as Record<string, AttributeValue>);
        const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
        const event = readable(Item?.event) ?? readable(unmarshall((record.dynamodb!.NewImage ?? {}) as Record<string, AttributeValue>).event);
        if (!event) return `row ${key.pk} ${key.sk} holds no readable event: repair the row (the stream then publishes it) and run this again`;
        events.push(event);
      }
      if (Records.length === 0) return events;
      iterator = NextShardIterator;
    }
    return events;
  } catch (error) {
    if (error instanceof TrimmedDataAccessException) {
      return `the stream no longer holds shard ${info.shardId} from ${info.startSequenceNumber} (24 h): re-emit the dossier events of that time from their outbox rows (kept 30 days)`;
    }
    throw error;
  }
}

export async function redriveOutboxFailures(clients: { sqs: SQSClient; streams: DynamoDBStreamsClient; documents: DynamoDBDocumentClient }, target: OutboxRedriveTarget, max = 1_000): Promise<OutboxRedriveResult> {
  let failureRecords = 0;
  let republished = 0;
  const kept: string[] = [];
  const seen = new Set<string>();
  while (failureRecords < max) {
    const { Messages } = await clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: target.failureQueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, VisibilityTimeout: 60 }));
    const fresh = (Messages ?? []).filter((m) => !seen.has(m.MessageId!));
    if (fresh.length === 0) break;
    for (const message of fresh) {
      seen.add(message.MessageId!);
      failureRecords++;
      const info = (JSON.parse(message.Body ?? '{}') as { DDBStreamBatchInfo?: BatchInfo }).DDBStreamBatchInfo;
      const events = info ? await eventsOf(clients.streams, clients.documents, target.tableName, info) : 'not a stream failure record';
      if (typeof events === 'string') {
        kept.push(`${message.MessageId}: ${events}`);
        continue;
      }
      for (const event of events) {
        const { Id: _id, ...entry } = dossierEventMessage(event, '0');
        // A fresh deduplication id: the queue would drop a repeat of the event id within five minutes.
        await clients.sqs.send(new SendMessageCommand({ QueueUrl: target.queueUrl, ...entry, MessageDeduplicationId: sqsMessageId(`${event.id}-redrive-${Date.now()}`) }));
      }
      republished += events.length;
      await clients.sqs.send(new DeleteMessageCommand({ QueueUrl: target.failureQueueUrl, ReceiptHandle: message.ReceiptHandle! }));
    }
  }
  return { failureRecords, republished, kept };
}
