import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DossierExistsError, DuplicateEventError } from '../../../../../shared/modules/dossiers';
import { DynamoDeliveryStore } from '../../../../../shared/modules/deliveries/dynamodb';
import type { Delivery } from '../../../../../shared/modules/deliveries/domain/delivery';
import { carrierEventKey, TIMELINE_ON_DELIVERY } from '../../../../../shared/modules/deliveries/domain/timeline';
import { RetryableWriteConflict } from '../../../../../shared/platform/dynamodb/optimistic';
import type { DeliveryTimelineEntry } from '../../../../../shared/modules/deliveries/domain/delivery';

const at = '2026-01-01T00:00:00.000Z';
const entry = (n: number): DeliveryTimelineEntry => ({ at, receivedAt: at, status: 'IN_TRANSIT', moved: false, source: 'webhook', eventId: `e${n}` });
const delivery = (entries: number, timelineArchived?: number): Delivery => ({
  deliveryId: 'dlv_1', dossierNo: 'H31.26-1', citizenId: '031088123456', agencyCode: 'HP', status: 'IN_TRANSIT', trackingNumber: 'EB1VN',
  postage: 22_000, postagePayer: 'prepaid', codAmount: 0, recipient: { fullName: 'A', phone: '0913222333' },
  address: { provinceCode: '31', communeCode: '11311', street: '1' }, addressCheck: { communeChecked: true }, weightGrams: 50, failedAttempts: 0,
  timeline: Array.from({ length: entries }, (_, i) => entry(i)), statusAt: at, version: 7, createdAt: at, updatedAt: at,
  ...(timelineArchived !== undefined ? { timelineArchived } : {}),
});
const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({ $metadata: {}, message: 'cancelled', CancellationReasons: codes.map((Code) => ({ Code })) });
const event = { type: 'DeliveryStatusChanged', version: 1, id: 'delivery-dlv_1-requested', occurredAt: at, dossierNo: 'H31.26-1', deliveryId: 'dlv_1', status: 'REQUESTED' } as const;

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());
const store = () => new DynamoDeliveryStore(DynamoDBDocumentClient.from(new DynamoDBClient({})), 'main');

describe('DynamoDeliveryStore.update', () => {
  it('archives what exceeds the bound in the same transaction and keeps the newest entries on the item', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const before = delivery(TIMELINE_ON_DELIVERY, 10);
    await store().update(before, { ...delivery(TIMELINE_ON_DELIVERY + 2, 10), version: 8 }, [], 'carrier id with spaces');
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    const puts = items.map((i) => i.Put!.Item!);
    expect(puts[0]).toMatchObject({ pk: 'DELIVERY#dlv_1', sk: `EVENT#${carrierEventKey('carrier id with spaces')}` });
    expect(puts[1]!.timeline).toHaveLength(TIMELINE_ON_DELIVERY);
    expect(puts[1]).toMatchObject({ sk: 'DELIVERY', timelineArchived: 12 });
    expect(items[1]!.Put!.ExpressionAttributeValues).toEqual({ ':expected': 7 });
    expect(puts.slice(2)).toEqual([
      { pk: 'DELIVERY#dlv_1', sk: 'TIMELINE#0000000010', entry: entry(0) },
      { pk: 'DELIVERY#dlv_1', sk: 'TIMELINE#0000000011', entry: entry(1) },
    ]);
  });

  it('turns a transaction conflict on the delivery into a lost race the caller retries, not a 500', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled('None', 'TransactionConflict'));
    await expect(store().update(delivery(1), delivery(2), [], 'e')).rejects.toBeInstanceOf(RetryableWriteConflict);
  });
});

describe('DynamoDeliveryStore failure branches (errors by item name)', () => {
  it.each([
    ['the carrier event marker', ['ConditionalCheckFailed', 'None'], DuplicateEventError],
    ['the delivery version', ['None', 'ConditionalCheckFailed'], RetryableWriteConflict],
    ['both: the marker wins', ['ConditionalCheckFailed', 'ConditionalCheckFailed'], DuplicateEventError],
    ['throttling', ['None', 'ThrottlingError'], RetryableWriteConflict],
  ] as const)('maps a failed %s on update', async (_what, codes, expected) => {
    ddb.on(TransactWriteCommand).rejects(cancelled(...codes));
    await expect(store().update(delivery(1), delivery(2), [], 'e')).rejects.toBeInstanceOf(expected);
  });

  it('maps the version condition by name when there is no marker (the item that used to be counted by position)', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None'));
    await expect(store().update(delivery(1), delivery(2), [event])).rejects.toBeInstanceOf(RetryableWriteConflict);
  });

  it('turns a taken dossier pointer on create into DossierExistsError, and a taken outbox row into a plain error', async () => {
    ddb.on(TransactWriteCommand).rejectsOnce(cancelled('ConditionalCheckFailed', 'None', 'None')).rejectsOnce(cancelled('None', 'None', 'ConditionalCheckFailed'));
    await expect(store().create(delivery(1), [event])).rejects.toBeInstanceOf(DossierExistsError);
    const second = store().create(delivery(1), [event]);
    await expect(second).rejects.toThrow('Dossier event delivery-dlv_1-requested is already in the outbox');
    await expect(second).rejects.not.toBeInstanceOf(RetryableWriteConflict);
  });
});
