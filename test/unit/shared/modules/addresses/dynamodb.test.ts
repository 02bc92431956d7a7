import { DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoAdministrativeUnitsRepository } from '../../../../../shared/modules/addresses/dynamodb';

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());

const LOADED_AT = Date.parse('2026-03-01T00:00:00Z');
function repository(now = () => LOADED_AT) {
  return new DynamoAdministrativeUnitsRepository(DynamoDBDocumentClient.from(new DynamoDBClient({})), 'main', { cacheTtlMs: 1_000, now });
}
const batches = () => ddb.commandCalls(BatchWriteCommand).map((call) => call.args[0].input.RequestItems!.main!);
const haiPhong = { code: '31', name: 'Thành phố Hải Phòng' };
const haNoi = { code: '01', name: 'Thành phố Hà Nội' };

describe('DynamoAdministrativeUnitsRepository: replacing a list', () => {
  it('writes every unit, deletes the ones the new list dropped (over every index page), then the marker', async () => {
    // Prepare: the index holds 31 and a unit 99 the new list no longer has, over two pages.
    ddb.on(BatchWriteCommand).resolves({});
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: [{ pk: 'UNIT#PROVINCE#31', sk: 'UNIT' }], LastEvaluatedKey: { pk: 'UNIT#PROVINCE#31', sk: 'UNIT' } })
      .resolvesOnce({ Items: [{ pk: 'UNIT#PROVINCE#99', sk: 'UNIT' }] });
    ddb.on(PutCommand).resolves({});
    // Act
    await repository().saveProvinces([haiPhong, haNoi]);
    // Assess
    expect(batches()).toEqual([
      [
        { PutRequest: { Item: { pk: 'UNIT#PROVINCE#31', sk: 'UNIT', gsi1pk: 'UNIT#PROVINCES', gsi1sk: '31', ...haiPhong } } },
        { PutRequest: { Item: { pk: 'UNIT#PROVINCE#01', sk: 'UNIT', gsi1pk: 'UNIT#PROVINCES', gsi1sk: '01', ...haNoi } } },
      ],
      [{ DeleteRequest: { Key: { pk: 'UNIT#PROVINCE#99', sk: 'UNIT' } } }],
    ]);
    expect(ddb.commandCalls(QueryCommand)[1]!.args[0].input.ExclusiveStartKey).toEqual({ pk: 'UNIT#PROVINCE#31', sk: 'UNIT' });
    expect(ddb.commandCalls(PutCommand).map((call) => call.args[0].input.Item)).toEqual([
      { pk: 'UNIT#LIST', sk: 'PROVINCE', count: 2, loadedAt: '2026-03-01T00:00:00.000Z' },
    ]);
  });

  it('sorts communes by province in the index, so a province’s communes are one query', async () => {
    ddb.on(BatchWriteCommand).resolves({});
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb.on(PutCommand).resolves({});
    await repository().saveCommunes([{ code: '11311', name: 'Phường Hồng Bàng', provinceCode: '31' }]);
    expect(batches()[0]![0]!.PutRequest!.Item).toMatchObject({ pk: 'UNIT#COMMUNE#11311', gsi1pk: 'UNIT#COMMUNES', gsi1sk: '31#11311' });
  });

  it('leaves the previous marker when writing the units fails, so the list does not count as replaced', async () => {
    // Prepare
    ddb.on(BatchWriteCommand).rejects(new ResourceNotFoundException({ $metadata: {}, message: 'no table' }));
    // Act
    const saving = repository().saveProvinces([haiPhong]);
    // Assess
    await expect(saving).rejects.toBeInstanceOf(ResourceNotFoundException);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
    expect(ddb.commandCalls(PutCommand)).toHaveLength(0);
  });
});

describe('DynamoAdministrativeUnitsRepository: lookups', () => {
  it('keeps a lookup (a miss too) for its time to live, then reads again', async () => {
    // Prepare
    let now = LOADED_AT;
    const units = repository(() => now);
    ddb.on(GetCommand, { Key: { pk: 'UNIT#PROVINCE#31', sk: 'UNIT' } }).resolves({ Item: { ...haiPhong } });
    ddb.on(GetCommand, { Key: { pk: 'UNIT#PROVINCE#77', sk: 'UNIT' } }).resolves({});
    // Act
    const first = await units.getProvince('31');
    await units.getProvince('77');
    now += 999;
    await units.getProvince('31');
    const miss = await units.getProvince('77');
    now += 1;
    await units.getProvince('31');
    // Assess
    expect(first).toEqual(haiPhong);
    expect(miss).toBeUndefined();
    expect(ddb.commandCalls(GetCommand)).toHaveLength(3);
  });

  it('tells a list never imported from one that was, by its marker', async () => {
    ddb.on(GetCommand, { Key: { pk: 'UNIT#LIST', sk: 'PROVINCE' } }).resolves({ Item: { count: 34, loadedAt: '2026-03-01T00:00:00.000Z' } });
    ddb.on(GetCommand, { Key: { pk: 'UNIT#LIST', sk: 'COMMUNE' } }).resolves({});
    const units = repository();
    expect(await units.hasProvinces()).toBe(true);
    expect(await units.hasCommunes()).toBe(false);
    expect(await units.listInfo('PROVINCE')).toEqual({ count: 34, loadedAt: '2026-03-01T00:00:00.000Z' });
  });

  it('lets a failed read reach the caller, and does not cache it', async () => {
    ddb.on(GetCommand).rejectsOnce(new ResourceNotFoundException({ $metadata: {}, message: 'no table' })).resolves({ Item: { ...haiPhong } });
    const units = repository();
    await expect(units.getProvince('31')).rejects.toBeInstanceOf(ResourceNotFoundException);
    expect(await units.getProvince('31')).toEqual(haiPhong);
  });
});

describe('DynamoAdministrativeUnitsRepository: the lists of the address API', () => {
  const marker = (level: string) => ({ Item: { pk: 'UNIT#LIST', sk: level, count: 1, loadedAt: '2026-03-01T00:00:00.000Z' } });

  it("reads one province's communes with one Query on gsi1 (begins_with its code), every page, and keeps them", async () => {
    // Prepare: the commune list was imported; its index answers over two pages
    ddb.on(GetCommand).resolves(marker('COMMUNE'));
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: [{ code: '10507', name: 'Phường Thành Đông', provinceCode: '31' }], LastEvaluatedKey: { pk: 'UNIT#COMMUNE#10507', sk: 'UNIT' } })
      .resolvesOnce({ Items: [{ code: '11311', name: 'Phường Hồng Bàng', provinceCode: '31' }] });
    const units = repository();

    // Act
    const communes = await units.listCommunes('31');
    const again = await units.listCommunes('31');

    // Assess
    expect(communes).toEqual([
      { code: '10507', name: 'Phường Thành Đông', provinceCode: '31' },
      { code: '11311', name: 'Phường Hồng Bàng', provinceCode: '31' },
    ]);
    expect(again).toEqual(communes);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(2);
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': 'UNIT#COMMUNES', ':prefix': '31#' },
    });
  });

  it('reads the provinces from their gsi1 partition', async () => {
    ddb.on(GetCommand).resolves(marker('PROVINCE'));
    ddb.on(QueryCommand).resolves({ Items: [haNoi, haiPhong] });
    expect(await repository().listProvinces()).toEqual([haNoi, haiPhong]);
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': 'UNIT#PROVINCES' } });
  });

  it('tells a list never imported (undefined) from an empty one, without querying', async () => {
    ddb.on(GetCommand).resolves({});
    expect(await repository().listProvinces()).toBeUndefined();
    expect(await repository().listCommunes('31')).toBeUndefined();
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });
});
