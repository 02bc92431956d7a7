import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  DescribeStreamCommand,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type _Record as StreamRecord,
  type DynamoDBStreamsClient,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { selectedBy, type StreamRecordFilter } from '../shared/platform/dynamodb/stream-records';
import { invokeWithTimeout, lambdaContext, type LambdaHandler } from './lambda-context';

export interface StreamSourceOptions {
  readonly functionName: string;
  readonly streamArn: string;
  readonly filter: StreamRecordFilter;
  readonly sortKeyName: string;
  readonly batchSize: number;
  readonly retryAttempts: number;
  readonly timeoutSeconds: number;
  readonly region: string;
  /** Where a record given up after its retries is described (Lambda's on-failure destination). */
  readonly failureQueueUrl: string;
  /** Keeps each shard's position across restarts (the runtime's data folder); none: start at the oldest record. */
  readonly checkpointFile?: string;
  /**
   * Makes what a batch sent durable before its position is saved. SQS holds a message once
   * SendMessage answers; the local queue emulator keeps it in memory (snapshotted now and then), so
   * without this a kill right after a checkpoint would lose events the stream will not send again.
   */
  readonly beforeCheckpoint?: () => void;
  /** Pause after a poll that found records, and the longest pause when idle (doubling from the first). */
  readonly pollMs?: { readonly busy: number; readonly idleMax: number };
  /** Pause before each retry of a failed record (Lambda retries at once, then backs off). */
  readonly retryDelayMs?: number;
  readonly onError?: (error: unknown) => void;
}

/** How often the shard list is read again; each read is a call to DynamoDB Local, as each poll is. */
const SHARDS_REFRESH_MS = 5_000;

type StreamHandler = LambdaHandler<DynamoDBStreamEvent, DynamoDBBatchResponse | void>;
type Checkpoints = Record<string, Record<string, string>>;

/** A Streams API record as Lambda hands it to a function (the event source mapping's shape). */
export function toLambdaRecord(record: StreamRecord, streamArn: string, region: string): DynamoDBRecord {
  const d = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(d.ApproximateCreationDateTime ? { ApproximateCreationDateTime: Math.floor(d.ApproximateCreationDateTime.getTime() / 1000) } : {}),
      Keys: d.Keys as NonNullable<DynamoDBRecord['dynamodb']>['Keys'],
      ...(d.NewImage ? { NewImage: d.NewImage as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'] } : {}),
      ...(d.OldImage ? { OldImage: d.OldImage as NonNullable<DynamoDBRecord['dynamodb']>['OldImage'] } : {}),
      SequenceNumber: d.SequenceNumber,
      SizeBytes: d.SizeBytes,
      StreamViewType: d.StreamViewType,
    },
  };
}

/**
 * What a Lambda DynamoDB event source mapping does, against DynamoDB Local's stream: read every shard
 * (a child after its parent), select records by the mapping's filter, invoke the function with a
 * batch, honour ReportBatchItemFailures (retry from the record reported), and after `retryAttempts`
 * describe the failing record to the failure queue and go past it (as bisecting narrows a batch to
 * it). Positions are checkpointed after every batch, so a restart neither loses nor replays the
 * stream; a crash between a delivery and its checkpoint delivers those records again (harmless for
 * an idempotent consumer, as Lambda's at-least-once is).
 */
export class DynamoDbStreamSource {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly checkpoints: Record<string, string>;
  private readonly iterators = new Map<string, string>();
  private readonly closed = new Set<string>();
  /** The stream's shards, described again now and then (a new shard appears rarely) or when one closes. */
  private shards: { list: Shard[]; at: number } | undefined;

  constructor(
    private readonly streams: DynamoDBStreamsClient,
    private readonly sqs: SQSClient,
    private readonly handler: StreamHandler,
    private readonly options: StreamSourceOptions,
  ) {
    this.checkpoints = this.readCheckpoints()[options.streamArn] ?? {};
  }

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { busy, idleMax } = this.options.pollMs ?? { busy: 40, idleMax: 250 };
    let pause = busy;
    while (this.running) {
      try {
        const found = await this.pollOnce();
        pause = found ? busy : Math.min(idleMax, pause * 2);
      } catch (error) {
        if (!this.running) return;
        this.options.onError?.(error);
        pause = idleMax;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, pause);
      });
    }
  }

  /** One read of every open shard; true when any record was read. */
  async pollOnce(): Promise<boolean> {
    if (!this.shards || Date.now() - this.shards.at > SHARDS_REFRESH_MS) {
      const { StreamDescription } = await this.streams.send(new DescribeStreamCommand({ StreamArn: this.options.streamArn }));
      this.shards = { list: StreamDescription?.Shards ?? [], at: Date.now() };
    }
    const shards = this.shards.list;
    const ids = new Set(shards.map((s) => s.ShardId));
    let found = false;
    for (const shard of shards) {
      if (!this.running) break;
      const parentOpen = shard.ParentShardId !== undefined && ids.has(shard.ParentShardId) && !this.closed.has(shard.ParentShardId);
      if (this.closed.has(shard.ShardId!) || parentOpen) continue;
      found = (await this.readShard(shard)) || found;
    }
    return found;
  }

  private async iterator(shardId: string, restart = false): Promise<string | undefined> {
    if (!restart && this.iterators.has(shardId)) return this.iterators.get(shardId);
    const after = this.checkpoints[shardId];
    const { ShardIterator } = await this.streams.send(
      new GetShardIteratorCommand({
        StreamArn: this.options.streamArn,
        ShardId: shardId,
        ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after } : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    if (ShardIterator) this.iterators.set(shardId, ShardIterator);
    return ShardIterator;
  }

  private async readShard(shard: Shard): Promise<boolean> {
    const shardId = shard.ShardId!;
    let result;
    try {
      const iterator = await this.iterator(shardId);
      if (!iterator) return false;
      result = await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: this.options.batchSize }));
    } catch (error) {
      if (!(error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException)) throw error;
      if (error instanceof TrimmedDataAccessException) delete this.checkpoints[shardId];
      this.iterators.delete(shardId);
      return false;
    }
    const records = result.Records ?? [];
    if (records.length > 0) {
      const selected = records.map((r) => toLambdaRecord(r, this.options.streamArn, this.options.region)).filter((r) => selectedBy(this.options.filter, this.options.sortKeyName, r));
      if (selected.length > 0) {
        await this.deliver(shardId, selected);
        this.options.beforeCheckpoint?.();
      }
      this.checkpoints[shardId] = records.at(-1)!.dynamodb!.SequenceNumber!;
      this.writeCheckpoints();
    }
    if (result.NextShardIterator) this.iterators.set(shardId, result.NextShardIterator);
    else {
      this.closed.add(shardId);
      this.iterators.delete(shardId);
      this.shards = undefined; // its children, if any, are read next
    }
    return records.length > 0;
  }

  /** Invokes the function until every record is done or given up; retries resume at the record reported. */
  async deliver(shardId: string, batch: readonly DynamoDBRecord[]): Promise<void> {
    let remaining = [...batch];
    let attempts = 0;
    while (remaining.length > 0) {
      const failedAt = await this.invoke(remaining);
      if (failedAt === undefined) return;
      const index = Math.max(0, remaining.findIndex((r) => r.dynamodb?.SequenceNumber === failedAt));
      if (index > 0) attempts = 0; // progress: the records before it are done
      remaining = remaining.slice(index);
      if (++attempts > this.options.retryAttempts) {
        await this.giveUp(shardId, remaining[0]!, attempts);
        remaining = remaining.slice(1);
        attempts = 0;
        continue;
      }
      await new Promise((r) => setTimeout(r, this.options.retryDelayMs ?? 100));
      if (!this.running) return;
    }
  }

  /** The sequence number to retry from, or undefined when the batch is done. A throw fails the whole batch. */
  private async invoke(records: DynamoDBRecord[]): Promise<string | undefined> {
    const context = lambdaContext(this.options.functionName, this.options.timeoutSeconds);
    try {
      const result = await invokeWithTimeout(this.handler, { Records: records }, context, this.options.timeoutSeconds);
      const failures = result?.batchItemFailures ?? [];
      if (failures.length === 0) return undefined;
      // Lambda resumes at the lowest sequence number reported.
      const reported = new Set(failures.map((f) => f.itemIdentifier));
      return records.find((r) => reported.has(r.dynamodb?.SequenceNumber ?? ''))?.dynamodb?.SequenceNumber ?? records[0]!.dynamodb!.SequenceNumber;
    } catch (error) {
      this.options.onError?.(error);
      return records[0]!.dynamodb!.SequenceNumber;
    }
  }

  /** Lambda's on-failure record for a stream: where the batch is, not what it holds. */
  private async giveUp(shardId: string, record: DynamoDBRecord, attempts: number): Promise<void> {
    const arrival = record.dynamodb?.ApproximateCreationDateTime;
    const at = arrival ? new Date(arrival * 1000).toISOString() : new Date().toISOString();
    const body = {
      requestContext: { requestId: crypto.randomUUID(), functionArn: `arn:aws:lambda:${this.options.region}:000000000000:function:${this.options.functionName}`, condition: 'RetryAttemptsExhausted', approximateInvokeCount: attempts },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      timestamp: new Date().toISOString(),
      DDBStreamBatchInfo: {
        shardId,
        startSequenceNumber: record.dynamodb!.SequenceNumber,
        endSequenceNumber: record.dynamodb!.SequenceNumber,
        approximateArrivalOfFirstRecord: at,
        approximateArrivalOfLastRecord: at,
        batchSize: 1,
        streamArn: this.options.streamArn,
      },
    };
    await this.sqs.send(new SendMessageCommand({ QueueUrl: this.options.failureQueueUrl, MessageBody: JSON.stringify(body) }));
  }

  private readCheckpoints(): Checkpoints {
    if (!this.options.checkpointFile) return {};
    try {
      return JSON.parse(readFileSync(this.options.checkpointFile, 'utf8')) as Checkpoints;
    } catch {
      return {};
    }
  }

  private writeCheckpoints(): void {
    const file = this.options.checkpointFile;
    if (!file) return;
    // Only this stream's positions: a table made again (another stream) starts from its oldest record.
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify({ [this.options.streamArn]: this.checkpoints }));
    renameSync(`${file}.tmp`, file);
  }
}
