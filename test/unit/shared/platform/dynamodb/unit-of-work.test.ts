import { ConditionalCheckFailedException, TransactionCanceledException, TransactionConflictException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { RetryableWriteConflict, withOptimisticRetry } from '../../../../../shared/platform/dynamodb/optimistic';
import { UnitOfWork } from '../../../../../shared/platform/dynamodb/unit-of-work';

const ddb = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'ap-southeast-1' }));

class DuplicateThing extends Error {
  constructor(readonly existing: unknown) {
    super('duplicate');
  }
}

function cancelled(codes: string[], old?: Record<string, unknown>) {
  return new TransactionCanceledException({
    message: 'cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code, ...(Code === 'ConditionalCheckFailed' && old ? { Item: old as never } : {}) })),
  });
}

function unit() {
  return new UnitOfWork('t')
    .put('marker', { pk: 'A', sk: 'B' }, { condition: 'attribute_not_exists(pk)' })
    .put('thing', { pk: 'C', sk: 'D' }, { condition: 'attribute_not_exists(pk)', onConditionFailed: (existing) => new DuplicateThing(existing) })
    .update('counter', { pk: 'E', sk: 'F' }, { update: 'ADD n :one', values: { ':one': 1 } });
}

describe('Class: UnitOfWork', () => {
  beforeEach(() => ddb.reset());

  it('sends one transaction with every item, conditions asking for the old item', async () => {
    // Prepare
    ddb.on(TransactWriteCommand).resolves({});
    // Act
    await unit().commit(client);
    // Assess
    const input = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input;
    expect(input.TransactItems).toHaveLength(3);
    expect(input.TransactItems![0]!.Put).toMatchObject({ TableName: 't', ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' });
  });

  it('maps a failed condition to the error of the item named in the reason, with the old item', async () => {
    // Prepare: the second item failed
    ddb.on(TransactWriteCommand).rejects(cancelled(['None', 'ConditionalCheckFailed', 'None'], { pk: { S: 'C' }, sk: { S: 'D' }, v: { N: '3' } }));
    // Act
    const error = await unit().commit(client).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(DuplicateThing);
    expect((error as DuplicateThing).existing).toEqual({ pk: 'C', sk: 'D', v: 3 });
  });

  it('turns a failed condition without a mapping into a retry signal naming the item', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled(['ConditionalCheckFailed', 'None', 'None']));
    const error = await unit().commit(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryableWriteConflict);
    expect((error as Error).message).toContain('marker');
  });

  it.each(['TransactionConflict', 'ThrottlingError'])('treats %s as retryable', async (code) => {
    ddb.on(TransactWriteCommand).rejects(cancelled(['None', code, 'None']));
    await expect(unit().commit(client)).rejects.toBeInstanceOf(RetryableWriteConflict);
  });

  it('passes other errors through untouched', async () => {
    const boom = new Error('network');
    ddb.on(TransactWriteCommand).rejects(boom);
    await expect(unit().commit(client)).rejects.toBe(boom);
  });

  it.each([
    ['written', undefined, true],
    ['refused by a mapped condition', cancelled(['None', 'ConditionalCheckFailed', 'None']), false],
    ['refused by an unmapped condition', cancelled(['ConditionalCheckFailed', 'None', 'None']), false],
  ])('commitUnlessRefused answers whether the write won: %s', async (_case, rejection, won) => {
    // Prepare
    if (rejection) ddb.on(TransactWriteCommand).rejects(rejection);
    else ddb.on(TransactWriteCommand).resolves({});
    // Act
    const result = await unit().commitUnlessRefused(client);
    // Assess
    expect(result).toBe(won);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('commitUnlessRefused throws what commit throws for anything but a refusal', async () => {
    ddb.on(TransactWriteCommand).rejectsOnce(cancelled(['None', 'TransactionConflict', 'None']));
    await expect(unit().commitUnlessRefused(client)).rejects.toBeInstanceOf(RetryableWriteConflict);
    const boom = new Error('network');
    ddb.on(TransactWriteCommand).rejects(boom);
    await expect(unit().commitUnlessRefused(client)).rejects.toBe(boom);
  });

  it('sends a unit of one write as that single conditional write (half the capacity of a transaction), a lone check as a transaction', async () => {
    ddb.on(PutCommand).resolves({});
    ddb.on(UpdateCommand).resolves({});
    ddb.on(DeleteCommand).resolves({});
    ddb.on(TransactWriteCommand).resolves({});
    await new UnitOfWork('t').put('thing', { pk: 'C', sk: 'D' }, { condition: 'attribute_not_exists(pk)' }).commit(client);
    await new UnitOfWork('t').update('counter', { pk: 'E', sk: 'F' }, { update: 'ADD n :one', values: { ':one': 1 } }).commit(client);
    await new UnitOfWork('t').delete('row', { pk: 'G', sk: 'H' }, { condition: 'attribute_exists(pk)' }).commit(client);
    await new UnitOfWork('t').conditionCheck('check', { pk: 'I', sk: 'J' }, { condition: 'attribute_exists(pk)' }).commit(client);
    expect(ddb.commandCalls(PutCommand)[0]!.args[0].input).toEqual({
      TableName: 't', Item: { pk: 'C', sk: 'D' }, ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
    expect(ddb.commandCalls(UpdateCommand)[0]!.args[0].input).toEqual({ TableName: 't', Key: { pk: 'E', sk: 'F' }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': 1 } });
    expect(ddb.commandCalls(DeleteCommand)[0]!.args[0].input).toMatchObject({ TableName: 't', Key: { pk: 'G', sk: 'H' }, ConditionExpression: 'attribute_exists(pk)' });
    expect(ddb.commandCalls(TransactWriteCommand).map((c) => c.args[0].input.TransactItems!.length)).toEqual([1]);
  });

  it('maps the refusal of a lone write as it maps a transaction item refused: its own error with the old item, or a retry signal', async () => {
    const old = { pk: { S: 'C' }, sk: { S: 'D' }, v: { N: '3' } };
    ddb.on(PutCommand).rejectsOnce(new ConditionalCheckFailedException({ $metadata: {}, message: 'refused', Item: old as never }));
    const mapped = await new UnitOfWork('t')
      .put('thing', { pk: 'C', sk: 'D' }, { condition: 'attribute_not_exists(pk)', onConditionFailed: (existing) => new DuplicateThing(existing) })
      .commit(client)
      .catch((e: unknown) => e);
    expect(mapped).toBeInstanceOf(DuplicateThing);
    expect((mapped as DuplicateThing).existing).toEqual({ pk: 'C', sk: 'D', v: 3 });

    ddb.reset();
    ddb.on(PutCommand).rejects(new ConditionalCheckFailedException({ $metadata: {}, message: 'refused' }));
    const unmapped = await new UnitOfWork('t').put('marker', { pk: 'A', sk: 'B' }, { condition: 'attribute_not_exists(pk)' }).commit(client).catch((e: unknown) => e);
    expect(unmapped).toBeInstanceOf(RetryableWriteConflict);
    expect((unmapped as Error).message).toMatch(/marker/);

    ddb.on(UpdateCommand).rejects(new TransactionConflictException({ $metadata: {}, message: 'conflict' }));
    await expect(new UnitOfWork('t').update('counter', { pk: 'E', sk: 'F' }, { update: 'ADD n :one', values: { ':one': 1 } }).commit(client)).rejects.toBeInstanceOf(RetryableWriteConflict);

    expect(await new UnitOfWork('t').put('marker', { pk: 'A', sk: 'B' }, { condition: 'attribute_not_exists(pk)' }).commitUnlessRefused(client)).toBe(false);
  });

  it('refuses two items of one name and more than 100 items', () => {
    expect(() => new UnitOfWork('t').put('a', { pk: '1', sk: '1' }).put('a', { pk: '2', sk: '2' })).toThrow(/already has/);
    const big = new UnitOfWork('t');
    for (let i = 0; i < 100; i++) big.put(`i${i}`, { pk: `${i}`, sk: 's' });
    expect(() => big.put('one-more', { pk: 'x', sk: 's' })).toThrow(/100/);
  });
});

describe('Function: withOptimisticRetry', () => {
  it('retries retry signals and throttling until one round succeeds', async () => {
    let calls = 0;
    const result = await withOptimisticRetry(async () => {
      calls++;
      if (calls === 1) throw new RetryableWriteConflict('lost');
      if (calls === 2) throw Object.assign(new Error('slow down'), { name: 'ThrottlingException' });
      return 'done';
    }, { attempts: 5, baseDelayMs: 0 });
    expect(result).toBe('done');
    expect(calls).toBe(3);
  });

  it('gives up after the policy attempts and lets the signal escape (a 500, not a 409)', async () => {
    let calls = 0;
    const error = await withOptimisticRetry(async () => {
      calls++;
      throw new RetryableWriteConflict('lost again');
    }, { attempts: 3, baseDelayMs: 0 }).catch((e: unknown) => e);
    expect(calls).toBe(3);
    expect(error).toBeInstanceOf(RetryableWriteConflict);
  });

  it('never retries other errors', async () => {
    let calls = 0;
    await expect(withOptimisticRetry(async () => {
      calls++;
      throw new TypeError('bug');
    }, { attempts: 5, baseDelayMs: 0 })).rejects.toBeInstanceOf(TypeError);
    expect(calls).toBe(1);
  });
});
