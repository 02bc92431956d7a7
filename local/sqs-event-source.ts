import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  type Message,
  type MessageAttributeValue,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSMessageAttributes, SQSRecord } from 'aws-lambda';
import { invokeWithTimeout, lambdaContext, type LambdaHandler } from './lambda-context';

export interface EventSourceOptions {
  readonly functionName: string;
  readonly queueUrl: string;
  readonly queueArn: string;
  readonly batchSize: number;
  readonly maxBatchingWindowSeconds: number;
  readonly timeoutSeconds: number;
  /** Seconds a receive waits for messages; Lambda uses 20, tests want a quick shutdown. */
  readonly waitTimeSeconds?: number;
  readonly region: string;
  readonly onError?: (error: unknown) => void;
}

type SqsHandler = LambdaHandler<SQSEvent, SQSBatchResponse | void>;

function toLambdaAttributes(attributes: Record<string, MessageAttributeValue> | undefined): SQSMessageAttributes {
  const out: SQSMessageAttributes = {};
  for (const [name, value] of Object.entries(attributes ?? {})) {
    out[name] = {
      dataType: value.DataType ?? 'String',
      ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
      ...(value.BinaryValue !== undefined ? { binaryValue: Buffer.from(value.BinaryValue).toString('base64') } : {}),
      stringListValues: [],
      binaryListValues: [],
    };
  }
  return out;
}

export function toSqsRecord(message: Message, queueArn: string, region: string): SQSRecord {
  const a = message.Attributes ?? {};
  return {
    messageId: message.MessageId!,
    receiptHandle: message.ReceiptHandle!,
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: a.ApproximateReceiveCount ?? '1',
      SentTimestamp: a.SentTimestamp ?? String(Date.now()),
      SenderId: a.SenderId ?? 'local',
      ApproximateFirstReceiveTimestamp: a.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
      ...(a.MessageGroupId ? { MessageGroupId: a.MessageGroupId } : {}),
      ...(a.MessageDeduplicationId ? { MessageDeduplicationId: a.MessageDeduplicationId } : {}),
      ...(a.SequenceNumber ? { SequenceNumber: a.SequenceNumber } : {}),
    },
    messageAttributes: toLambdaAttributes(message.MessageAttributes),
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}

/**
 * What a Lambda SQS event source mapping does, against the local queue: long-poll, batch, invoke,
 * delete what succeeded (ReportBatchItemFailures), and leave failures to reappear after the
 * visibility timeout until the queue's redrive policy moves them to the dead-letter queue.
 */
export class SqsEventSource {
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly abort = new AbortController();

  constructor(
    private readonly client: SQSClient,
    private readonly handler: SqsHandler,
    private readonly options: EventSourceOptions,
  ) {}

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    await this.loop;
  }

  private async receive(max: number, waitTimeSeconds: number): Promise<Message[]> {
    const { Messages } = await this.client.send(
      new ReceiveMessageCommand({
        QueueUrl: this.options.queueUrl,
        MaxNumberOfMessages: Math.min(10, max),
        WaitTimeSeconds: waitTimeSeconds,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
      { abortSignal: this.abort.signal },
    );
    return Messages ?? [];
  }

  private async nextBatch(): Promise<Message[]> {
    const { batchSize, maxBatchingWindowSeconds } = this.options;
    const batch = await this.receive(batchSize, this.options.waitTimeSeconds ?? 20);
    const windowEnds = Date.now() + maxBatchingWindowSeconds * 1000;
    while (batch.length > 0 && batch.length < batchSize && Date.now() < windowEnds && this.running) {
      const more = await this.receive(batchSize - batch.length, Math.max(0, Math.floor((windowEnds - Date.now()) / 1000)));
      if (more.length === 0) break;
      batch.push(...more);
    }
    return batch;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const batch = await this.nextBatch();
        if (batch.length > 0) await this.deliver(batch);
      } catch (error) {
        if (!this.running) return;
        this.options.onError?.(error);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  /** Invokes the consumer with one batch and deletes the messages it did not report as failed. */
  async deliver(batch: Message[]): Promise<void> {
    const event: SQSEvent = { Records: batch.map((m) => toSqsRecord(m, this.options.queueArn, this.options.region)) };
    const context = lambdaContext(this.options.functionName, this.options.timeoutSeconds);
    let failed: Set<string>;
    try {
      const result = await invokeWithTimeout(this.handler, event, context, this.options.timeoutSeconds);
      failed = new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (error) {
      // A thrown error fails the whole batch: every message becomes visible again.
      this.options.onError?.(error);
      return;
    }
    const done = batch.filter((m) => !failed.has(m.MessageId!));
    if (done.length === 0) return;
    await this.client.send(
      new DeleteMessageBatchCommand({
        QueueUrl: this.options.queueUrl,
        Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
      }),
    );
  }
}
