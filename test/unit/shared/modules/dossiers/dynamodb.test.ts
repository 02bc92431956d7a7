import { ConditionalCheckFailedException, DynamoDBClient, TransactionCanceledException, TransactionConflictException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DossierKeys, DynamoDossierStore } from '../../../../../shared/modules/dossiers/dynamodb';
import { listingRows } from '../../../../../shared/modules/dossiers/dynamodb-listing';
import { DossierExistsError, DuplicateEventError } from '../../../../../shared/modules/dossiers/domain/errors';
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
    expect(items[1]!.Put!.Item).toMatchObject({ gsi1pk: 'OUTBOX', gsi1sk: `${registered.occurredAt}#${registered.id}`, attempts: 0, event: registered });
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
  it('treats an event already queued under its id as done, and lets any other failure through', async () => {
    // Prepare: one event is one outbox row, written as a single conditional put (UnitOfWork).
    ddb
      .on(PutCommand)
      .rejectsOnce(new ConditionalCheckFailedException({ $metadata: {}, message: 'The conditional request failed' }))
      .rejectsOnce(new TransactionConflictException({ $metadata: {}, message: 'conflict' }));

    // Act
    const repeat = store().enqueue([paid]);
    const conflict = store().enqueue([paid]);

    // Assess
    await expect(repeat).resolves.toBeUndefined();
    await expect(conflict).rejects.toBeInstanceOf(RetryableWriteConflict);
  });
});

describe('DynamoDossierStore.applyEvent', () => {
  it('writes marker, dossier (on the version read), KPI increments and the outbox row removal in one transaction', async () => {
    // Prepare
    ddb.on(TransactWriteCommand).resolves({});

    // Act
    await store().applyEvent(write());

    // Assess
    const [marker, dossier, kpi, outbox] = transactItems();
    expect(marker!.Put).toMatchObject({ Item: { ...DossierKeys.marker(paid.dossierNo, paid.id), type: 'PaymentSucceeded', applied: true }, ConditionExpression: 'attribute_not_exists(sk)' });
    expect(dossier!.Put).toMatchObject({ Item: { sk: 'DOSSIER', status: 'PROCESSING', version: 2 }, ExpressionAttributeValues: { ':expected': 1 } });
    expect(kpi!.Update).toMatchObject({ Key: KpiKeys.day('HP-PX', vietnamDate(new Date(before.submittedAt))), UpdateExpression: 'ADD #c0 :v0', ExpressionAttributeNames: { '#c0': 'paidOnline' } });
    expect(outbox!.Delete).toMatchObject({ Key: DossierKeys.outbox(paid.dossierNo, paid.id) });
  });

  it('moves the list rows with the dossier: the agency row to the partition of its new status', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    await store().applyEvent(write());
    const rows = transactItems().slice(4).map((i) => i.Put!.Item!);
    expect(rows.map((r) => r.sk)).toEqual(['LISTING#CITIZEN', 'LISTING#AGENCY']);
    expect(rows[1]).toMatchObject({ status: 'PROCESSING', version: 2, gsi1pk: 'DOSSIERS#AGENCY#HP-PX#STATUS#PROCESSING', gsi2pk: 'DOSSIERS#AGENCY#HP-PX' });
  });

  it('writes only the marker and the outbox removal for an event that changes nothing', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    await store().applyEvent(write({ after: before, kpi: {} }));
    expect(transactItems().map((i) => Object.keys(i)[0])).toEqual(['Put', 'Delete']);
  });

  it('answers an event applied before with DuplicateEventError, after removing a row re-written since', async () => {
    // Prepare
    ddb.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None', 'None', 'None'));
    ddb.on(DeleteCommand).resolves({});

    // Act
    const attempt = store().applyEvent(write());

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(DuplicateEventError);
    expect(ddb.commandCalls(DeleteCommand)[0]!.args[0].input.Key).toEqual(DossierKeys.outbox(paid.dossierNo, paid.id));
  });

  it.each([
    ['the dossier moved past the version read', ['None', 'ConditionalCheckFailed', 'None', 'None']],
    ['a concurrent transaction', ['None', 'TransactionConflict', 'None', 'None']],
    ['throttling', ['None', 'None', 'ThrottlingError', 'None']],
  ] as const)('turns %s into a retryable conflict (never a 409), removing nothing', async (_case, codes) => {
    // Prepare
    ddb.on(TransactWriteCommand).rejects(cancelled(...codes));

    // Act
    const attempt = store().applyEvent(write());

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(RetryableWriteConflict);
    expect(ddb.commandCalls(DeleteCommand)).toHaveLength(0);
  });
});

describe('DynamoDossierStore outbox reads', () => {
  it('lists due rows from the sparse index, rows written before attempts were counted as 0', async () => {
    ddb.on(QueryCommand).resolves({ Items: [{ event: paid }, { event: paid, attempts: 2 }] });
    expect(await store().due(T0, 10)).toEqual([{ event: paid, attempts: 0 }, { event: paid, attempts: 2 }]);
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({ IndexName: 'gsi1', ExpressionAttributeValues: { ':pk': 'OUTBOX', ':cutoff': T0.toISOString() }, Limit: 10 });
  });

  it('parks a row out of the index, and ignores a row applied (deleted) or counted meanwhile', async () => {
    // Prepare
    ddb.on(UpdateCommand).resolvesOnce({}).rejectsOnce(new ConditionalCheckFailedException({ $metadata: {}, message: 'gone' }));

    // Act
    await store().reschedule({ event: paid, attempts: 9 }, undefined, T0);
    const meanwhile = store().reschedule({ event: paid, attempts: 9 }, undefined, T0);

    // Assess
    await expect(meanwhile).resolves.toBeUndefined();
    expect(ddb.commandCalls(UpdateCommand)[0]!.args[0].input).toMatchObject({
      UpdateExpression: 'SET attempts = :attempts, lastSentAt = :now, parkedAt = :now REMOVE gsi1pk, gsi1sk',
      ConditionExpression: 'attribute_exists(sk) AND attempts = :seen',
    });
  });

  it('lets a throttled reschedule through (the relay run fails and tries again)', async () => {
    ddb.on(UpdateCommand).rejects(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }));
    await expect(store().reschedule({ event: paid, attempts: 0 }, new Date(T0.getTime() + 60_000), T0)).rejects.toThrow('slow down');
  });
});
