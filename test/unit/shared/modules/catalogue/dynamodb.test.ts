import { DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoCatalogueRepository } from '../../../../../shared/modules/catalogue/dynamodb';
import { validateCatalogue } from '../../../../../shared/modules/catalogue/use-cases/validate-catalogue';
import { encodeCursor } from '../../../../../shared/platform/dynamodb/cursor';
import { BULK_WRITE_CONCURRENCY } from '../../../../../shared/platform/dynamodb/batch-write';
import { seedCatalogueJson } from '../../../../support/fee-fixtures';

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());
const repository = () => new DynamoCatalogueRepository(DynamoDBDocumentClient.from(new DynamoDBClient({})), 'main');
const catalogue = validateCatalogue(seedCatalogueJson());
const written = () => ddb.commandCalls(BatchWriteCommand).flatMap((call) => call.args[0].input.RequestItems!.main!);

describe('DynamoCatalogueRepository reads', () => {
  it('reads a procedure by its key and gives undefined for an absent one', async () => {
    // Prepare
    const definition = catalogue.procedures[0]!;
    ddb.on(GetCommand, { Key: { pk: `PROC#${definition.code}`, sk: 'DEF' } }).resolves({ Item: { definition } });
    ddb.on(GetCommand, { Key: { pk: 'PROC#NOPE', sk: 'DEF' } }).resolves({});
    // Act
    const found = await repository().getProcedure(definition.code);
    const absent = await repository().getProcedure('NOPE');
    // Assess
    expect(found).toEqual(definition);
    expect(absent).toBeUndefined();
  });

  it('pages the procedure index and hands back where the page ended as a cursor', async () => {
    // Prepare
    const lastKey = { pk: 'PROC#1.000656', sk: 'DEF', gsi1pk: 'PROC', gsi1sk: '1.000656' };
    ddb.on(QueryCommand).resolves({ Items: [{ definition: catalogue.procedures[0] }], LastEvaluatedKey: lastKey });
    // Act
    const page = await repository().listProcedures({ limit: 1, cursor: encodeCursor(lastKey) });
    // Assess
    expect(page).toEqual({ items: [catalogue.procedures[0]], nextCursor: encodeCursor(lastKey) });
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({ IndexName: 'gsi1', Limit: 1, ExclusiveStartKey: lastKey });
  });

  it('refuses a cursor that points outside the procedure index before querying', async () => {
    const foreign = encodeCursor({ pk: 'DOSSIER#1', sk: 'DEF', gsi1pk: 'DOSSIERS', gsi1sk: '1' });
    await expect(repository().listProcedures({ limit: 1, cursor: foreign })).rejects.toThrow();
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('lists every agency from the agency index, page after page, without a Scan', async () => {
    // Prepare
    const [first, second] = catalogue.agencies;
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: [{ agency: first }], LastEvaluatedKey: { pk: `AGENCY#${first!.code}`, sk: 'DEF', gsi1pk: 'AGENCY', gsi1sk: first!.code } })
      .resolves({ Items: [{ agency: second }] });
    // Act
    const agencies = await repository().listAgencies();
    // Assess
    expect(agencies).toEqual([first, second]);
    expect(ddb.commandCalls(QueryCommand).map((c) => c.args[0].input)).toEqual([
      expect.objectContaining({ IndexName: 'gsi1', ExpressionAttributeValues: { ':pk': 'AGENCY' } }),
      expect.objectContaining({ IndexName: 'gsi1', ExclusiveStartKey: expect.objectContaining({ gsi1sk: first!.code }) }),
    ]);
  });

  it('lets a failed read reach the caller', async () => {
    ddb.on(GetCommand).rejects(new ResourceNotFoundException({ $metadata: {}, message: 'no table' }));
    await expect(repository().getPostageTariff()).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});

describe('DynamoCatalogueRepository.saveCatalogue', () => {
  it('writes every agency and procedure (each indexed by code) and the postage tariff', async () => {
    // Prepare
    ddb.on(BatchWriteCommand).resolves({});
    // Act
    await repository().saveCatalogue(catalogue);
    // Assess
    const items = written().map((request) => request.PutRequest!.Item!);
    expect(items).toHaveLength(catalogue.agencies.length + catalogue.procedures.length + 1);
    expect(items).toContainEqual({ pk: 'AGENCY#HP-PX', sk: 'DEF', gsi1pk: 'AGENCY', gsi1sk: 'HP-PX', agency: catalogue.agencies.find((a) => a.code === 'HP-PX') });
    expect(items).toContainEqual(expect.objectContaining({ pk: 'PROC#2.000815', sk: 'DEF', gsi1pk: 'PROC', gsi1sk: '2.000815' }));
    expect(items.at(-1)).toEqual({ pk: 'CATALOGUE', sk: 'POSTAGE_TARIFF', tariff: catalogue.postageTariff });
  });

  it('resends what DynamoDB left unprocessed', async () => {
    // Prepare
    const tariff = { PutRequest: { Item: { pk: 'CATALOGUE', sk: 'POSTAGE_TARIFF', tariff: catalogue.postageTariff } } };
    const chunks = Math.ceil((catalogue.agencies.length + catalogue.procedures.length + 1) / 25);
    const mock = ddb.on(BatchWriteCommand);
    for (let i = 1; i < chunks; i++) mock.resolvesOnce({});
    mock.resolvesOnce({ UnprocessedItems: { main: [tariff] } }).resolves({});
    // Act
    await repository().saveCatalogue(catalogue);
    // Assess
    expect(ddb.commandCalls(BatchWriteCommand)).toHaveLength(chunks + 1);
    expect(ddb.commandCalls(BatchWriteCommand).at(-1)!.args[0].input.RequestItems!.main).toEqual([tariff]);
  });

  it('lets a write that cannot succeed reach the operator', async () => {
    ddb.on(BatchWriteCommand).rejects(new ResourceNotFoundException({ $metadata: {}, message: 'no table' }));
    await expect(repository().saveCatalogue(catalogue)).rejects.toBeInstanceOf(ResourceNotFoundException);
    // Chunks already in flight (at most BULK_WRITE_CONCURRENCY) fail once each; none is retried.
    const calls = ddb.commandCalls(BatchWriteCommand);
    expect(calls.length).toBeGreaterThanOrEqual(1);
    expect(calls.length).toBeLessThanOrEqual(BULK_WRITE_CONCURRENCY);
    const firstItems = calls.map((call) => JSON.stringify(call.args[0].input.RequestItems!.main![0]));
    expect(new Set(firstItems).size).toBe(calls.length);
  });
});
