import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { QueueDefinition } from '../../shared/platform/config/resources';
import { localCredentials, LOCAL_REGION } from '../../local/emulators/credentials';
import { ensureQueue } from '../../local/provision';
import { SqsEventSource } from '../../local/sqs-event-source';

const client = new SQSClient({ endpoint: inject('sqsEndpoint'), region: LOCAL_REGION, credentials: localCredentials });
afterAll(() => client.destroy());

function definition(name: string, fifo: boolean): QueueDefinition {
  return {
    id: name,
    name,
    envVar: 'UNUSED',
    fifo,
    visibilityTimeoutSeconds: 1,
    maxReceiveCount: 2,
    retentionDays: 1,
    consumer: { batchSize: 4, maxBatchingWindowSeconds: 0 },
  };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function visibleCount(url: string): Promise<number> {
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
  );
  return Number(Attributes?.ApproximateNumberOfMessages ?? 0) + Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
}

describe('Class: SqsEventSource against the queue emulator', () => {
  it.each([false, true])('deletes reported successes, redrives a poison message to the DLQ (fifo=%s)', async (fifo) => {
    const queue = await ensureQueue(client, definition(`esm-test-${fifo ? 'fifo' : 'std'}-${Date.now()}`, fifo));
    const bodies = ['a', 'b', 'poison', 'c', 'd', 'e'];
    await client.send(
      new SendMessageBatchCommand({
        QueueUrl: queue.url,
        Entries: bodies.map((body, i) => ({
          Id: String(i),
          MessageBody: body,
          ...(fifo ? { MessageGroupId: body === 'poison' ? 'g-poison' : `g-${i}`, MessageDeduplicationId: `${body}-${i}` } : {}),
        })),
      }),
    );

    const processed: string[] = [];
    const batchSizes: number[] = [];
    let poisonAttempts = 0;
    const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
      batchSizes.push(event.Records.length);
      const failures = [];
      for (const record of event.Records) {
        expect(record.eventSource).toBe('aws:sqs');
        if (record.body === 'poison') {
          poisonAttempts++;
          failures.push({ itemIdentifier: record.messageId });
        } else processed.push(record.body);
      }
      return { batchItemFailures: failures };
    };
    const source = new SqsEventSource(client, handler, {
      functionName: 'test',
      queueUrl: queue.url,
      queueArn: queue.arn,
      batchSize: 4,
      maxBatchingWindowSeconds: 0,
      timeoutSeconds: 5,
      waitTimeSeconds: 1,
      region: LOCAL_REGION,
    });
    source.start();
    try {
      await until(async () => (await visibleCount(queue.deadLetterUrl)) === 1);
      await until(async () => (await visibleCount(queue.url)) === 0);
    } finally {
      await source.stop();
    }

    expect(processed.sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(poisonAttempts).toBe(2);
    expect(Math.max(...batchSizes)).toBeLessThanOrEqual(4);
    const { Messages } = await client.send(new ReceiveMessageCommand({ QueueUrl: queue.deadLetterUrl, WaitTimeSeconds: 1 }));
    expect(Messages?.map((m) => m.Body)).toEqual(['poison']);
  });

  it('redelivers the whole batch when the handler throws', async () => {
    const queue = await ensureQueue(client, definition(`esm-throw-${Date.now()}`, false));
    await client.send(new SendMessageBatchCommand({ QueueUrl: queue.url, Entries: [{ Id: '1', MessageBody: 'x' }] }));
    let calls = 0;
    const source = new SqsEventSource(
      client,
      async () => {
        calls++;
        if (calls === 1) throw new Error('crash');
        return { batchItemFailures: [] };
      },
      { functionName: 't', queueUrl: queue.url, queueArn: queue.arn, batchSize: 1, maxBatchingWindowSeconds: 0, timeoutSeconds: 5, waitTimeSeconds: 1, region: LOCAL_REGION },
    );
    source.start();
    try {
      await until(async () => calls >= 2 && (await visibleCount(queue.url)) === 0);
    } finally {
      await source.stop();
    }
    expect(calls).toBe(2);
    expect(await visibleCount(queue.deadLetterUrl)).toBe(0);
  });
});
