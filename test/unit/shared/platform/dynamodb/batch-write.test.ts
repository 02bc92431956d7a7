import { DynamoDBClient, ProvisionedThroughputExceededException, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { batchWriteAll, transactWriteAll, type BatchWriteRequest } from '../../../../../shared/platform/dynamodb/batch-write';
import { RetryableWriteConflict } from '../../../../../shared/platform/dynamodb/optimistic';

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());
const client = () => DynamoDBDocumentClient.from(new DynamoDBClient({}));
/** No back-off in unit tests; the attempts are what is under test. */
const policy = { attempts: 3, baseDelayMs: 0 };

const put = (n: number): BatchWriteRequest => ({ PutRequest: { Item: { pk: `ITEM#${n}`, sk: 'DEF' } } });
const puts = (count: number) => Array.from({ length: count }, (_, i) => put(i));
const sent = () => ddb.commandCalls(BatchWriteCommand).map((call) => call.args[0].input.RequestItems!.main!);
const throttled = () => new ProvisionedThroughputExceededException({ $metadata: {}, message: 'slow down' });

describe('Function: batchWriteAll', () => {
  it('sends at most 25 requests per call, in order when one at a time', async () => {
    // Prepare
    ddb.on(BatchWriteCommand).resolves({});
    // Act
    await batchWriteAll(client(), 'main', puts(60), policy, 1);
    // Assess
    expect(sent().map((batch) => batch.length)).toEqual([25, 25, 10]);
    expect(sent().flat()).toEqual(puts(60));
  });

  it('keeps at most `concurrency` calls in flight and writes every item once', async () => {
    // Prepare: each call waits a tick so that calls overlap, counting how many are in flight.
    let inFlight = 0;
    let most = 0;
    ddb.on(BatchWriteCommand).callsFake(async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      return {};
    });
    // Act
    await batchWriteAll(client(), 'main', puts(25 * 10 + 3), policy, 3);
    // Assess
    expect(most).toBe(3);
    expect(sent()).toHaveLength(11);
    expect(sent().flat().map((r) => JSON.stringify(r)).sort()).toEqual(puts(253).map((r) => JSON.stringify(r)).sort());
  });

  it('starts no new chunk after one failed for good, and rejects with that failure', async () => {
    let calls = 0;
    ddb.on(BatchWriteCommand).callsFake(async () => {
      if (++calls === 1) throw new ResourceNotFoundException({ $metadata: {}, message: 'no table' });
      await new Promise((resolve) => setTimeout(resolve, 1));
      return {};
    });
    await expect(batchWriteAll(client(), 'main', puts(25 * 10), policy, 2)).rejects.toBeInstanceOf(ResourceNotFoundException);
    // The failing chunk and the one already in flight beside it; none of the other eight.
    expect(sent()).toHaveLength(2);
  });

  it('makes no call for no requests', async () => {
    await batchWriteAll(client(), 'main', [], policy);
    expect(sent()).toEqual([]);
  });

  it('resends only what DynamoDB left unprocessed, then goes on with the next chunk', async () => {
    // Prepare
    ddb
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { main: [put(3), put(7)] } })
      .resolvesOnce({ UnprocessedItems: { main: [put(7)] } })
      .resolves({});
    // Act
    await batchWriteAll(client(), 'main', puts(30), policy, 1);
    // Assess
    expect(sent().map((batch) => batch.length)).toEqual([25, 2, 1, 5]);
    expect(sent()[1]).toEqual([put(3), put(7)]);
    expect(sent()[2]).toEqual([put(7)]);
  });

  it('retries a throttled call', async () => {
    ddb.on(BatchWriteCommand).rejectsOnce(throttled()).resolves({});
    await batchWriteAll(client(), 'main', puts(2), policy);
    expect(sent()).toEqual([puts(2), puts(2)]);
  });

  it('gives up with a retry signal (not a domain error) when items stay unprocessed through every attempt', async () => {
    ddb.on(BatchWriteCommand).resolves({ UnprocessedItems: { main: [put(1)] } });
    const error = await batchWriteAll(client(), 'main', puts(2), policy).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryableWriteConflict);
    expect(sent()).toHaveLength(policy.attempts);
  });

  it('gives up when the table keeps throttling, with the throttling error', async () => {
    ddb.on(BatchWriteCommand).rejects(throttled());
    await expect(batchWriteAll(client(), 'main', puts(2), policy)).rejects.toBeInstanceOf(ProvisionedThroughputExceededException);
    expect(sent()).toHaveLength(policy.attempts);
  });

  it('does not retry an error that another round cannot fix', async () => {
    ddb.on(BatchWriteCommand).rejects(new ResourceNotFoundException({ $metadata: {}, message: 'no table' }));
    await expect(batchWriteAll(client(), 'main', puts(2), policy)).rejects.toBeInstanceOf(ResourceNotFoundException);
    expect(sent()).toHaveLength(1);
  });
});

describe('Function: transactWriteAll', () => {
  const transactions = () => ddb.commandCalls(TransactWriteCommand).map((call) => call.args[0].input.TransactItems!);

  it('sends the same puts and deletes 100 per transaction, in order', async () => {
    // Prepare
    ddb.on(TransactWriteCommand).resolves({});
    const requests: BatchWriteRequest[] = [...puts(230), { DeleteRequest: { Key: { pk: 'ITEM#gone', sk: 'DEF' } } }];
    // Act
    await transactWriteAll(client(), 'main', requests, policy);
    // Assess
    expect(transactions().map((items) => items.length)).toEqual([100, 100, 31]);
    expect(transactions()[0]![0]).toEqual({ Put: { TableName: 'main', Item: { pk: 'ITEM#0', sk: 'DEF' } } });
    expect(transactions()[2]!.at(-1)).toEqual({ Delete: { TableName: 'main', Key: { pk: 'ITEM#gone', sk: 'DEF' } } });
  });

  it('retries a throttled transaction and gives up on an error another round cannot fix', async () => {
    ddb.on(TransactWriteCommand).rejectsOnce(throttled()).resolves({});
    await transactWriteAll(client(), 'main', puts(2), policy);
    expect(transactions()).toHaveLength(2);

    ddb.reset();
    ddb.on(TransactWriteCommand).rejects(new ResourceNotFoundException({ $metadata: {}, message: 'no table' }));
    await expect(transactWriteAll(client(), 'main', puts(150), policy)).rejects.toBeInstanceOf(ResourceNotFoundException);
    expect(transactions()).toHaveLength(1);
  });
});
