import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, describe, expect, it } from 'vitest';
import { localCredentials, LOCAL_REGION } from '../../local/emulators/credentials';
import { startLocalRuntime } from '../../local/runtime';

const dataDir = mkdtempSync(join(tmpdir(), 'toantrinh-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const clients = (runtime: { dynamoDbEndpoint: string; sqsEndpoint: string }) => ({
  db: DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: runtime.dynamoDbEndpoint, region: LOCAL_REGION, credentials: localCredentials })),
  sqs: new SQSClient({ endpoint: runtime.sqsEndpoint, region: LOCAL_REGION, credentials: localCredentials }),
});

describe('Local runtime: data kept across restarts', () => {
  it('keeps table items, queued messages (failure records too) and the dev signing key in DATA_DIR', async () => {
    const first = await startLocalRuntime({ port: 0, dataDir, logLevel: 'SILENT', pollWaitSeconds: 1 });
    const token = await first.tokens.mint({ role: 'agency', agency: 'HP-STP' });
    const a = clients(first);
    await a.db.send(new PutCommand({ TableName: first.tableName, Item: { pk: 'TEST#1', sk: 'X', value: 42 } }));
    // A dead-letter queue has no consumer, so the message waits there across the restart.
    await a.sqs.send(new SendMessageCommand({ QueueUrl: first.queues.postalOrders.deadLetterUrl, MessageBody: '{"kept":true}' }));
    // So does a stream's failure record, which the operator's redrive reads later.
    await a.sqs.send(new SendMessageCommand({ QueueUrl: first.streamFailureQueues.dossierOutbox.url, MessageBody: '{"failure":"kept"}' }));
    await first.stop();

    const second = await startLocalRuntime({ port: 0, dataDir, logLevel: 'SILENT', pollWaitSeconds: 1 });
    try {
      const b = clients(second);
      const { Item } = await b.db.send(new GetCommand({ TableName: second.tableName, Key: { pk: 'TEST#1', sk: 'X' } }));
      expect(Item?.value).toBe(42);
      const { Messages } = await b.sqs.send(new ReceiveMessageCommand({ QueueUrl: second.queues.postalOrders.deadLetterUrl, WaitTimeSeconds: 2 }));
      expect(Messages?.map((m) => m.Body)).toEqual(['{"kept":true}']);
      const failures = await b.sqs.send(new ReceiveMessageCommand({ QueueUrl: second.streamFailureQueues.dossierOutbox.url, WaitTimeSeconds: 2 }));
      expect(failures.Messages?.map((m) => m.Body)).toEqual(['{"failure":"kept"}']);
      expect(await second.tokens.verify(token)).toMatchObject({ agency: 'HP-STP' });
    } finally {
      await second.stop();
    }
  }, 90_000);
});
