import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { queryAll } from '../../../../../shared/platform/dynamodb/query-all';

const ddb = mockClient(DynamoDBDocumentClient);
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'ap-southeast-1' }));
const input = { TableName: 't', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'P' } };

describe('Function: queryAll', () => {
  beforeEach(() => ddb.reset());

  it('follows LastEvaluatedKey to the end of the query', async () => {
    // Prepare: three pages
    ddb.on(QueryCommand)
      .resolvesOnce({ Items: [{ n: 1 }, { n: 2 }], LastEvaluatedKey: { pk: 'P', sk: '2' } })
      .resolvesOnce({ Items: [{ n: 3 }], LastEvaluatedKey: { pk: 'P', sk: '3' } })
      .resolvesOnce({ Items: [{ n: 4 }] });
    // Act
    const items = await queryAll(client, input);
    // Assess
    expect(items).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);
    const calls = ddb.commandCalls(QueryCommand).map((c) => c.args[0].input);
    expect(calls.map((c) => c.ExclusiveStartKey)).toEqual([undefined, { pk: 'P', sk: '2' }, { pk: 'P', sk: '3' }]);
    expect(calls[0]).not.toHaveProperty('Limit');
  });

  it('stops at the limit and never asks for more than what is left', async () => {
    ddb.on(QueryCommand)
      .resolvesOnce({ Items: [{ n: 1 }, { n: 2 }, { n: 3 }], LastEvaluatedKey: { pk: 'P', sk: '3' } })
      .resolvesOnce({ Items: [{ n: 4 }, { n: 5 }], LastEvaluatedKey: { pk: 'P', sk: '5' } });
    const items = await queryAll(client, { ...input, Limit: 3 }, 5);
    expect(items).toHaveLength(5);
    expect(ddb.commandCalls(QueryCommand).map((c) => c.args[0].input.Limit)).toEqual([3, 2]);
  });
});
