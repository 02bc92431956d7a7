import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoWebhookDeliveryStore } from '../../../../../shared/modules/portal-webhooks/dynamodb';
import { claimAttempt, newDelivery, recordAttempt } from '../../../../../shared/modules/portal-webhooks/domain/delivery';
import { RetryableWriteConflict } from '../../../../../shared/platform/dynamodb/optimistic';

const T0 = new Date('2026-03-10T02:00:00Z');
const fresh = newDelivery({ id: 'evt_1', type: 'dossier.status_changed', version: 1, occurredAt: T0.toISOString(), dossierNo: 'H31.26-1', agencyCode: 'HP', sequence: 12, status: 'PROCESSING', previousStatus: 'AWAITING_PAYMENT' }, T0);
const retry = recordAttempt(claimAttempt(fresh, 'Claim', T0, 25_000), { url: 'https://p.vn/h', statusCode: 500, latencyMs: 9 }, T0, [3_600]).delivery;
// One-item units go out as single conditional writes (UnitOfWork): this is DynamoDB's refusal of one.
const refused = () => new ConditionalCheckFailedException({ $metadata: {}, message: 'The conditional request failed' });

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());
const store = () => new DynamoWebhookDeliveryStore(DynamoDBDocumentClient.from(new DynamoDBClient({})), 'main');
const putOf = (call = 0) => ddb.commandCalls(PutCommand)[call]!.args[0].input;

describe('DynamoWebhookDeliveryStore', () => {
  it("keeps a dossier's deliveries in one partition, in change order; the first record only if none is stored, a queued one off the due index", async () => {
    ddb.on(PutCommand).resolves({});
    await store().save(fresh);
    expect(putOf().Item).toMatchObject({ pk: 'WEBHOOKS#H31.26-1', sk: 'WEBHOOK#000012', webhookId: 'evt_1', dispatchedAttempt: 1 });
    expect(putOf().Item!.gsi1pk).toBeUndefined();
    expect(putOf().ConditionExpression).toBe('attribute_not_exists(pk)');
  });

  it('puts a retry that waits for the sweeper on the due index, by due time, conditional on the version it was read at', async () => {
    ddb.on(PutCommand).resolves({});
    await store().save(retry, 7);
    expect(putOf().Item).toMatchObject({ gsi1pk: 'WEBHOOK_DUE', gsi1sk: '2026-03-10T03:00:00.000Z#H31.26-1#12', status: 'scheduled' });
    expect(putOf().ConditionExpression).toBe('#v = :expected');
    expect(putOf().ExpressionAttributeValues).toEqual({ ':expected': 7 });
  });

  it('a first record when one exists, or a moved version, is a conflict (another consumer recorded first)', async () => {
    ddb.on(PutCommand).rejects(refused());
    await expect(store().save(fresh)).rejects.toBeInstanceOf(RetryableWriteConflict);
    await expect(store().save(retry, 1)).rejects.toBeInstanceOf(RetryableWriteConflict);
  });

  it('reads the due index up to a time, soonest first', async () => {
    ddb.on(QueryCommand).resolves({ Items: [{ pk: 'WEBHOOKS#H31.26-1', sk: 'WEBHOOK#000012', gsi1pk: 'WEBHOOK_DUE', gsi1sk: 'x', ttl: 1, ...retry }] });
    const due = await store().listDue(new Date('2026-03-10T03:05:00Z'), 50);
    expect(due).toEqual([retry]);
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({ IndexName: 'gsi1', ExpressionAttributeValues: { ':pk': 'WEBHOOK_DUE', ':until': '2026-03-10T03:05:00.000Z#~' }, Limit: 50 });
  });

  it("refuses a cursor issued for another dossier's log (400 naming cursor)", async () => {
    const cursor = Buffer.from(JSON.stringify({ pk: 'WEBHOOKS#OTHER', sk: 'WEBHOOK#000001' })).toString('base64url');
    await expect(store().listByDossier('H31.26-1', { limit: 5, cursor })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
