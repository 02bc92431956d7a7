import { ConditionalCheckFailedException, DynamoDBClient, TransactionConflictException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoNotificationStore, DynamoZaloTokenStore } from '../../../../../shared/modules/notifications/dynamodb';
import type { Notice } from '../../../../../shared/modules/notifications/domain/notice';
import { RetryableWriteConflict } from '../../../../../shared/platform/dynamodb/optimistic';

const T0 = '2026-03-10T02:00:00.000Z';
const notice: Notice = {
  notificationId: 'n0123456789abcdef', dossierNo: 'H31.26-1', eventId: 'evt-1', kind: 'payment_received', citizenId: '079099000001',
  phone: '+84912345678', params: {}, status: 'queued', channel: 'zns', dueAt: T0, attempts: [], createdAt: T0, updatedAt: T0, version: 1,
};
const tokens = { accessToken: 'a2', refreshToken: 'r2', accessExpiresAt: T0, refreshIssuedAt: T0, version: 2 };
// One-item units go out as single conditional writes (UnitOfWork), so these are the errors DynamoDB gives.
const refused = () => new ConditionalCheckFailedException({ $metadata: {}, message: 'The conditional request failed' });
const conflict = () => new TransactionConflictException({ $metadata: {}, message: 'conflict' });

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());
const client = () => DynamoDBDocumentClient.from(new DynamoDBClient({}));
const putOf = (call = 0) => ddb.commandCalls(PutCommand)[call]!.args[0].input;
const updateOf = (call = 0) => ddb.commandCalls(UpdateCommand)[call]!.args[0].input;

describe('Class: DynamoNotificationStore', () => {
  it("creates a notice once: written on the dossier's ledger index, kept a year, refused when it exists", async () => {
    // Prepare
    ddb.on(PutCommand).resolvesOnce({}).rejectsOnce(refused());
    const store = new DynamoNotificationStore(client(), 'main');
    // Act
    const first = await store.create(notice);
    const again = await store.create(notice);
    // Assess
    expect([first, again]).toEqual([true, false]);
    expect(putOf()).toMatchObject({ ConditionExpression: 'attribute_not_exists(pk)', Item: { pk: `NOTICE#${notice.notificationId}`, gsi1pk: 'DOSSIER_NOTICES#H31.26-1', ttl: 1_773_108_000 + 366 * 86_400 } });
  });

  it('reads a notice back as it was written, without the key, index entry and expiry of its item', async () => {
    ddb.on(GetCommand).resolves({ Item: { pk: `NOTICE#${notice.notificationId}`, sk: 'NOTICE', gsi1pk: 'DOSSIER_NOTICES#H31.26-1', gsi1sk: `${T0}#x`, ttl: 1_804_644_000, ...notice } });
    expect(await new DynamoNotificationStore(client(), 'main').get(notice.notificationId)).toEqual(notice);
  });

  it('lets a transaction conflict through as a conflict to retry', async () => {
    ddb.on(PutCommand).rejects(conflict());
    await expect(new DynamoNotificationStore(client(), 'main').create(notice)).rejects.toBeInstanceOf(RetryableWriteConflict);
  });
});

describe('Class: DynamoZaloTokenStore', () => {
  it.each([
    ['takeLease', (store: DynamoZaloTokenStore) => store.takeLease('me', new Date('2026-03-10T02:01:00Z'), new Date(T0), 1)],
    ['saveRefreshed', (store: DynamoZaloTokenStore) => store.saveRefreshed('me', tokens)],
  ])('%s answers true when written and false when another holder or version refused it', async (_case, write) => {
    // Prepare
    ddb.on(UpdateCommand).resolvesOnce({}).rejectsOnce(refused());
    const store = new DynamoZaloTokenStore(client(), 'main');
    // Act
    const results = [await write(store), await write(store)];
    // Assess
    expect(results).toEqual([true, false]);
    expect(updateOf()).toMatchObject({ Key: { pk: 'ZALO#OA', sk: 'TOKENS' } });
  });
});
