import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DossierKeys, DynamoDossierStore } from '../../../../../shared/modules/dossiers/dynamodb';
import { listingRows } from '../../../../../shared/modules/dossiers/dynamodb-listing';
import { DossierExistsError } from '../../../../../shared/modules/dossiers/domain/errors';
import { OUTBOX_TTL_SECONDS } from '../../../../../shared/modules/dossiers/outbox';
import type { AppliedEvent } from '../../../../../shared/modules/dossiers/ports';
import { RetryableWriteConflict } from '../../../../../shared/platform/dynamodb/optimistic';
import { dossierOwing, event, T0 } from '../../../../support/dossiers';
import { KpiKeys } from '../../../../../shared/modules/kpis';
import { vietnamDate } from '../../../../../shared/platform/kernel/time';

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());
const store = () => new DynamoDossierStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'ap-southeast-1' })), 'main');

/** A cancelled transaction; the codes are in the order the store added its items. */
const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({ $metadata: {}, message: 'cancelled', CancellationReasons: codes.map((Code) => ({ Code })) });
const transactItems = (call = 0) => ddb.commandCalls(TransactWriteCommand)[call]!.args[0].input.TransactItems!;

const paid = event('PaymentSucceeded', { paymentId: 'pay-1', provider: 'vnpay', amount: 5_000, paidAt: T0.toISOString() });
const before = dossierOwing(5_000);
const write = (overrides: Partial<AppliedEvent> = {}): AppliedEvent => ({
  event: paid,
  before,
  after: { ...before, status: 'PROCESSING', version: before.version + 1 },
  applied: true,
  kpi: { paidOnline: 1 },
  ...overrides,
});

describe('DynamoDossierStore.create', () => {
  it('writes the dossier and its outbox rows in one transaction, the dossier only if new', async () => {
    // Prepare
    ddb.on(TransactWriteCommand).resolves({});
    const registered = event('DossierRegistered', { channel: 'online', feesTotal: 5_000 });

    // Act
    await store().create(before, [registered]);

    // Assess
    const items = transactItems();
    expect(items.map((i) => i.Put!.Item!.sk)).toEqual(['DOSSIER', `OUTBOX#${registered.id}`, 'LISTING#CITIZEN', 'LISTING#AGENCY']);
    expect(items[0]!.Put).toMatchObject({ ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' });
    // The row is the publication (the table's stream) and expires by itself: no index keys, a TTL.
    const row = items[1]!.Put!.Item!;
    expect(row).toMatchObject({ pk: `DOSSIER#${before.dossierNo}`, event: registered, emittedAt: expect.any(String) });
    expect(row.ttl).toBe(Math.floor(Date.parse(row.emittedAt as string) / 1000) + OUTBOX_TTL_SECONDS);
    expect(row).not.toHaveProperty('gsi1pk');
    // The list rows ride on the dossier's condition: listed exactly when registered.
    expect(items.slice(2).map((i) => i.Put)).toEqual(listingRows(before).map((row) => ({ TableName: 'main', Item: row.item })));
  });

  it.each([
    ['the dossier item fails its condition', ['ConditionalCheckFailed', 'None'], DossierExistsError],
    ['an outbox row already exists', ['None', 'ConditionalCheckFailed'], RetryableWriteConflict],
    ['the table throttles', ['None', 'ThrottlingError'], RetryableWriteConflict],
  ] as const)('maps a cancellation where %s by the item named in it', async (_case, codes, error) => {
    // Prepare
    ddb.on(TransactWriteCommand).rejects(cancelled(...codes));

    // Act
    const attempt = store().create(before, [event('DossierRegistered', { channel: 'online', feesTotal: 5_000 })]);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(error);
  });
});

describe('DynamoDossierStore.enqueue', () => {
  it('writes the row again unconditionally with a new emittedAt (a re-emission the stream carries as a MODIFY)', async () => {
    // Prepare
    ddb.on(PutCommand).resolves({});

    // Act
    await store().enqueue([paid]);
    await store().enqueue([paid]);

    // Assess
    const puts = ddb.commandCalls(PutCommand).map((c) => c.args[0].input);
    expect(puts).toHaveLength(2);
    for (const put of puts) {
      expect(put).toMatchObject({ TableName: 'main', Item: { ...DossierKeys.outbox(paid.dossierNo, paid.id), event: paid, emittedAt: expect.any(String) } });
      expect(put.ConditionExpression).toBeUndefined();
    }
  });
});

describe('DynamoDossierStore.applyEvent', () => {
  it('writes the dossier (on the version read) and the KPI increments in one transaction: no marker, no outbox removal', async () => {
    // Prepare
    ddb.on(TransactWriteCommand).resolves({});

    // Act
    await store().applyEvent(write());

    // Assess
    const [dossier, kpi, ...rest] = transactItems();
    expect(dossier!.Put).toMatchObject({ Item: { sk: 'DOSSIER', status: 'PROCESSING', version: 2 }, ExpressionAttributeValues: { ':expected': 1 } });
    expect(kpi!.Update).toMatchObject({ Key: KpiKeys.day('HP-PX', vietnamDate(new Date(before.submittedAt))), UpdateExpression: 'ADD #c0 :v0', ExpressionAttributeNames: { '#c0': 'paidOnline' } });
    expect(rest.map((i) => i.Put?.Item?.sk)).toEqual(['LISTING#CITIZEN', 'LISTING#AGENCY']);
  });

  it('moves the list rows with the dossier: the agency row to the partition of its new status', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    await store().applyEvent(write());
    const rows = transactItems().slice(2).map((i) => i.Put!.Item!);
    expect(rows.map((r) => r.sk)).toEqual(['LISTING#CITIZEN', 'LISTING#AGENCY']);
    expect(rows[1]).toMatchObject({ status: 'PROCESSING', version: 2, gsi1pk: 'DOSSIERS#AGENCY#HP-PX#STATUS#PROCESSING', gsi2pk: 'DOSSIERS#AGENCY#HP-PX' });
  });

  it('writes the dossier and the counters, not the list rows, for an event that changes no summary (a registration counted)', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const counted = { ...before, appliedEventIds: ['registered-1'], version: before.version + 1 };
    await store().applyEvent(write({ after: counted, kpi: { dossiers: 1 } }));
    expect(transactItems().map((i) => Object.keys(i)[0])).toEqual(['Put', 'Update']);
    expect(transactItems()[0]!.Put!.Item).toMatchObject({ appliedEventIds: ['registered-1'], version: 2 });
  });

  it('sends a lone dossier write as one conditional PutItem when there is nothing to count and no row to move', async () => {
    ddb.on(PutCommand).resolves({});
    const counted = { ...before, appliedEventIds: ['registered-1'], version: before.version + 1 };
    await store().applyEvent(write({ after: counted, kpi: {} }));
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
    expect(ddb.commandCalls(PutCommand)[0]!.args[0].input).toMatchObject({ ConditionExpression: '#version = :expected', ExpressionAttributeValues: { ':expected': 1 } });
  });

  it.each([
    ['the dossier moved past the version read', ['ConditionalCheckFailed', 'None', 'None', 'None']],
    ['a concurrent transaction', ['TransactionConflict', 'None', 'None', 'None']],
    ['throttling', ['None', 'ThrottlingError', 'None', 'None']],
  ] as const)('turns %s into a retryable conflict (never a 409)', async (_case, codes) => {
    // Prepare
    ddb.on(TransactWriteCommand).rejects(cancelled(...codes));

    // Act
    const attempt = store().applyEvent(write());

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(RetryableWriteConflict);
  });
});
