import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, describe, expect, it } from 'vitest';
import { DynamoDbStreamSource } from '../../../local/dynamodb-stream-source';

const STREAM = 'arn:aws:dynamodb:ap-southeast-1:000000000000:table/t/stream/1';
const dir = mkdtempSync(join(tmpdir(), 'stream-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const outboxInsert = (sequenceNumber: string) => ({
  eventID: `e-${sequenceNumber}`,
  eventName: 'INSERT' as const,
  dynamodb: { Keys: { pk: { S: 'DOSSIER#1' }, sk: { S: `OUTBOX#${sequenceNumber}` } }, NewImage: { sk: { S: `OUTBOX#${sequenceNumber}` } }, SequenceNumber: sequenceNumber },
});

describe('Class: DynamoDbStreamSource', () => {
  it('makes what a batch sent durable (beforeCheckpoint) after the function ran and before its position is saved', async () => {
    // Prepare: one shard holding one outbox insert, then nothing more
    const streams = mockClient(DynamoDBStreamsClient);
    streams.on(DescribeStreamCommand).resolves({ StreamDescription: { Shards: [{ ShardId: 'shard-1' }] } });
    streams.on(GetShardIteratorCommand).resolves({ ShardIterator: 'it-1' });
    streams.on(GetRecordsCommand, { ShardIterator: 'it-1' }).resolves({ Records: [outboxInsert('100')], NextShardIterator: 'it-2' });
    streams.on(GetRecordsCommand, { ShardIterator: 'it-2' }).resolves({ Records: [], NextShardIterator: 'it-2' });
    const checkpointFile = join(dir, 'stream-checkpoints.json');
    const steps: string[] = [];
    const savedPosition = () => (existsSync(checkpointFile) ? JSON.parse(readFileSync(checkpointFile, 'utf8'))[STREAM]?.['shard-1'] : undefined);
    const source = new DynamoDbStreamSource(
      new DynamoDBStreamsClient({ region: 'ap-southeast-1' }),
      new SQSClient({ region: 'ap-southeast-1' }),
      async (event) => {
        steps.push(`invoked ${event.Records.map((r) => r.dynamodb?.SequenceNumber).join(',')}`);
        return { batchItemFailures: [] };
      },
      {
        functionName: 'PublishDossierEvents', streamArn: STREAM, filter: { eventNames: ['INSERT', 'MODIFY'], sortKeyPrefix: 'OUTBOX#' }, sortKeyName: 'sk',
        batchSize: 100, retryAttempts: 2, timeoutSeconds: 5, region: 'ap-southeast-1', failureQueueUrl: 'http://failures', checkpointFile,
        beforeCheckpoint: () => steps.push(`durable; position saved: ${savedPosition() ?? 'none'}`),
        pollMs: { busy: 5, idleMax: 10 },
      },
    );

    // Act: run until the position is saved
    source.start();
    for (let i = 0; i < 200 && savedPosition() !== '100'; i++) await new Promise((r) => setTimeout(r, 5));
    await source.stop();

    // Assess
    expect(steps).toEqual(['invoked 100', 'durable; position saved: none']);
    expect(savedPosition()).toBe('100');
    streams.restore();
  });
});
