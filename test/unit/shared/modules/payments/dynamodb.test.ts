import { ConditionalCheckFailedException, DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DuplicateTransactionError } from '../../../../../shared/modules/payments/domain/errors';
import type { Payment } from '../../../../../shared/modules/payments/domain/payment';
import { DynamoPaymentStore } from '../../../../../shared/modules/payments/dynamodb';
import type { DossierEvent } from '../../../../../shared/modules/dossiers';
import { RetryableWriteConflict } from '../../../../../shared/platform/dynamodb/optimistic';
import { pendingPayment } from '../../../../fakes/payment-store';

const NOW = new Date('2026-11-21T00:05:00.000Z');
type Reason = { Code: string; Item?: Record<string, { S: string }> };
const cancelled = (...reasons: Reason[]) => new TransactionCanceledException({ $metadata: {}, message: 'cancelled', CancellationReasons: reasons });
const none: Reason = { Code: 'None' };

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());
const store = () => new DynamoPaymentStore(DynamoDBDocumentClient.from(new DynamoDBClient({})), 'main');
const transactItems = (call = 0) => ddb.commandCalls(TransactWriteCommand)[call]!.args[0].input.TransactItems!;

const event = (payment: Payment): DossierEvent =>
  ({ type: 'PaymentSucceeded', version: 1, id: `payment-succeeded-${payment.paymentId}`, occurredAt: NOW.toISOString(), dossierNo: payment.dossierNo, paymentId: payment.paymentId, provider: 'vnpay', amount: payment.amount, paidAt: NOW.toISOString() }) as DossierEvent;

function success(before: Payment, transactionId = '14012345') {
  const after: Payment = { ...before, status: 'succeeded', providerTransactionId: transactionId, completedAt: NOW.toISOString(), version: before.version + 1 };
  return { before, after, ledger: { paymentId: before.paymentId, provider: before.provider, kind: 'callback' as const, outcome: 'succeeded', at: NOW.toISOString() }, events: [event(before)] };
}

describe('DynamoPaymentStore.settle', () => {
  it('writes the payment on its version, claims the transaction, appends the ledger and queues the event in one transaction', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    ddb.on(DeleteCommand).resolves({});
    await store().settle(success(pendingPayment(1)));
    const items = transactItems();
    expect(items.map((i) => i.Put!.Item!.pk)).toEqual(['PAYMENT#pay_000000000000000000000001', 'PAYTXN#vnpay#14012345', 'PAYMENT#pay_000000000000000000000001', 'DOSSIER#H31.26-1']);
    expect(items[0]!.Put).toMatchObject({ ConditionExpression: '#version = :expected', ExpressionAttributeValues: { ':expected': 1 } });
    expect(items[0]!.Put!.Item).toMatchObject({ status: 'succeeded', gsi1pk: 'PAYMENT#SUCCEEDED_UNCONFIRMED' });
    // The attempt is over: the dossier's lock goes, on its holder only.
    expect(ddb.commandCalls(DeleteCommand)[0]!.args[0].input).toMatchObject({ Key: { pk: 'DOSSIER#H31.26-1', sk: 'PAYMENT_LOCK' }, ExpressionAttributeValues: { ':id': 'pay_000000000000000000000001' } });
  });

  it('claims no transaction for "0", so two cancels never collide', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    ddb.on(DeleteCommand).rejects(new Error('lock release is best effort'));
    const before = pendingPayment(2);
    await store().settle({ ...success(before, '0'), after: { ...before, status: 'cancelled', version: 2 }, events: [] });
    expect(transactItems().map((i) => i.Put!.Item!.pk)).toEqual(['PAYMENT#pay_000000000000000000000002', 'PAYMENT#pay_000000000000000000000002']);
  });

  it('maps a failed condition on the item named "transaction" to DuplicateTransactionError, wherever it sits', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled(none, { Code: 'ConditionalCheckFailed', Item: { paymentId: { S: 'pay_other' } } }, none, none));
    await expect(store().settle(success(pendingPayment(3)))).rejects.toBeInstanceOf(DuplicateTransactionError);
  });

  it('turns a moved version into a retryable conflict, not a 409', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled({ Code: 'ConditionalCheckFailed' }, none, none, none));
    const error = await store().settle(success(pendingPayment(4))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryableWriteConflict);
    expect(error).not.toBeInstanceOf(DuplicateTransactionError);
  });

  it.each(['ThrottlingError', 'TransactionConflict'])('turns a transaction cancelled by %s into a retryable conflict', async (code) => {
    ddb.on(TransactWriteCommand).rejects(cancelled({ Code: code }, none, none, none));
    await expect(store().settle(success(pendingPayment(5)))).rejects.toBeInstanceOf(RetryableWriteConflict);
  });
});

describe('DynamoPaymentStore.create', () => {
  const ledger = { paymentId: 'pay_new', provider: 'vnpay' as const, kind: 'created' as const, outcome: 'pending', at: NOW.toISOString() };
  const draft = pendingPayment(9, { paymentId: 'pay_new', dossierNo: 'H31.26-9', expiresAt: '2026-11-21T00:20:00.000Z' });
  const lockHeldBy = (paymentId: string, expiresAt: string) => cancelled({ Code: 'ConditionalCheckFailed', Item: { paymentId: { S: paymentId }, expiresAt: { S: expiresAt } } }, none, none, none);

  it('answers the live payment named by the refused lock (ALL_OLD) instead of a second one', async () => {
    const live = pendingPayment(8, { paymentId: 'pay_live', dossierNo: 'H31.26-9', expiresAt: '2026-11-21T00:15:00.000Z' });
    ddb.on(TransactWriteCommand).rejects(lockHeldBy('pay_live', live.expiresAt));
    ddb.on(GetCommand, { Key: { pk: 'PAYMENT#pay_live', sk: 'PAYMENT' } }).resolves({ Item: { pk: 'PAYMENT#pay_live', sk: 'PAYMENT', ...live } });
    expect(await store().create(draft, ledger, NOW)).toEqual({ created: false, existing: live });
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('takes over a lock left by a payment that is over, conditionally on that very holder', async () => {
    const over = pendingPayment(7, { paymentId: 'pay_over', dossierNo: 'H31.26-9', status: 'failed', expiresAt: '2026-11-21T00:15:00.000Z' });
    ddb.on(TransactWriteCommand).rejectsOnce(lockHeldBy('pay_over', over.expiresAt)).resolves({});
    ddb.on(GetCommand, { Key: { pk: 'PAYMENT#pay_over', sk: 'PAYMENT' } }).resolves({ Item: { pk: 'PAYMENT#pay_over', sk: 'PAYMENT', ...over } });
    expect(await store().create(draft, ledger, NOW)).toEqual({ created: true });
    const lock = transactItems(1)[0]!.Put!;
    expect(lock.ConditionExpression).toBe('attribute_not_exists(pk) OR expiresAt <= :now OR paymentId = :holder');
    expect(lock.ExpressionAttributeValues).toMatchObject({ ':holder': 'pay_over' });
  });
});

describe('DynamoPaymentStore: a payment of several dossiers (basket)', () => {
  const shares = ['H31.26-A', 'H31.26-B', 'H31.26-C'].map((dossierNo) => ({ dossierNo, amount: 5_000, byFeeKind: { fee: 5_000 } }));
  const basket = pendingPayment(20, { paymentId: 'pay_basket', dossierNo: 'H31.26-A', amount: 15_000, shares, expiresAt: '2026-11-21T00:20:00.000Z' });
  const ledger = { paymentId: 'pay_basket', provider: 'vnpay' as const, kind: 'created' as const, outcome: 'pending', at: NOW.toISOString() };

  it('takes every dossier\u2019s lock in the transaction that creates the payment', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    expect(await store().create(basket, ledger, NOW)).toEqual({ created: true });
    const items = transactItems();
    expect(items.map((i) => `${i.Put!.Item!.pk} ${i.Put!.Item!.sk}`)).toEqual([
      'DOSSIER#H31.26-A PAYMENT_LOCK', 'DOSSIER#H31.26-B PAYMENT_LOCK', 'DOSSIER#H31.26-C PAYMENT_LOCK',
      'PAYMENT#pay_basket PAYMENT', 'PAYREF#vnpay#000000000000000000000020 REF', expect.stringMatching(/^PAYMENT#pay_basket LEDGER#/),
    ]);
    for (const lock of items.slice(0, 3)) expect(lock.Put).toMatchObject({ ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now', Item: { paymentId: 'pay_basket' } });
  });

  it('answers the live payment holding any one dossier\u2019s lock, and creates nothing', async () => {
    const live = pendingPayment(21, { paymentId: 'pay_live', dossierNo: 'H31.26-B', expiresAt: '2026-11-21T00:15:00.000Z' });
    const heldOnSecond = cancelled(none, { Code: 'ConditionalCheckFailed', Item: { paymentId: { S: 'pay_live' }, expiresAt: { S: live.expiresAt } } }, none, none, none, none);
    ddb.on(TransactWriteCommand).rejects(heldOnSecond);
    ddb.on(GetCommand, { Key: { pk: 'PAYMENT#pay_live', sk: 'PAYMENT' } }).resolves({ Item: { pk: 'PAYMENT#pay_live', sk: 'PAYMENT', ...live } });
    expect(await store().create(basket, ledger, NOW)).toEqual({ created: false, existing: live });
  });

  it('takes over the one lock left by a payment that is over, and only that one', async () => {
    const over = pendingPayment(22, { paymentId: 'pay_over', dossierNo: 'H31.26-C', status: 'expired', expiresAt: '2026-11-21T00:15:00.000Z' });
    ddb.on(TransactWriteCommand).rejectsOnce(cancelled(none, none, { Code: 'ConditionalCheckFailed', Item: { paymentId: { S: 'pay_over' }, expiresAt: { S: over.expiresAt } } }, none, none, none)).resolves({});
    ddb.on(GetCommand, { Key: { pk: 'PAYMENT#pay_over', sk: 'PAYMENT' } }).resolves({ Item: { pk: 'PAYMENT#pay_over', sk: 'PAYMENT', ...over } });
    expect(await store().create(basket, ledger, NOW)).toEqual({ created: true });
    expect(transactItems(1).slice(0, 3).map((i) => i.Put!.ExpressionAttributeValues![':holder'])).toEqual([undefined, undefined, 'pay_over']);
  });

  it('settles with one outbox row per dossier in the payment\u2019s transaction, then frees every lock', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    ddb.on(DeleteCommand).resolves({});
    const events = shares.map((s) => ({ ...event(basket), dossierNo: s.dossierNo, id: `payment-succeeded-pay_basket-${s.dossierNo}`, amount: s.amount }) as DossierEvent);
    await store().settle({ ...success(basket), events });
    expect(transactItems().map((i) => `${i.Put!.Item!.pk} ${i.Put!.Item!.sk}`.replace(/LEDGER#.*/, 'LEDGER'))).toEqual([
      'PAYMENT#pay_basket PAYMENT', 'PAYTXN#vnpay#14012345 TXN', 'PAYMENT#pay_basket LEDGER',
      'DOSSIER#H31.26-A OUTBOX#payment-succeeded-pay_basket-H31.26-A', 'DOSSIER#H31.26-B OUTBOX#payment-succeeded-pay_basket-H31.26-B', 'DOSSIER#H31.26-C OUTBOX#payment-succeeded-pay_basket-H31.26-C',
    ]);
    expect(ddb.commandCalls(DeleteCommand).map((c) => c.args[0].input.Key)).toEqual(shares.map((s) => ({ pk: `DOSSIER#${s.dossierNo}`, sk: 'PAYMENT_LOCK' })));
  });
});

describe('DynamoPaymentStore idempotency records', () => {
  const conditionFailed = () => new ConditionalCheckFailedException({ $metadata: {}, message: 'failed' });

  it('replays a finished request, refuses another body, and waits for one still in its lease', async () => {
    ddb.on(PutCommand).rejects(conditionFailed());
    const done = { requestHash: 'h1', state: 'done', statusCode: 201, body: { paymentId: 'pay_1' } };
    ddb.on(GetCommand).resolvesOnce({ Item: done }).resolvesOnce({ Item: done }).resolves({ Item: { requestHash: 'h1', state: 'in_progress', leaseUntil: 4_000_000_000, ttl: 4_000_100_000 } });
    expect(await store().beginIdempotent('c', 'k', 'h1')).toEqual({ kind: 'replay', statusCode: 201, body: { paymentId: 'pay_1' } });
    expect(await store().beginIdempotent('c', 'k', 'h2')).toEqual({ kind: 'mismatch' });
    expect(await store().beginIdempotent('c', 'k', 'h1')).toEqual({ kind: 'in_progress' });
  });

  it('lets exactly one request take over a record whose lease ran out', async () => {
    ddb.on(PutCommand).rejectsOnce(conditionFailed()).resolves({});
    ddb.on(GetCommand).resolves({ Item: { requestHash: 'h1', state: 'in_progress', leaseUntil: 1, ttl: 172_801 } });
    expect(await store().beginIdempotent('c', 'k', 'h1')).toEqual({ kind: 'new' });
    expect(ddb.commandCalls(PutCommand)[1]!.args[0].input).toMatchObject({ ConditionExpression: '#state = :progress AND requestHash = :hash AND #ttl = :ttl', ExpressionAttributeValues: { ':ttl': 172_801 } });
  });

  it('surfaces throttling instead of reading it as a taken key', async () => {
    ddb.on(PutCommand).rejects(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }));
    await expect(store().beginIdempotent('c', 'k', 'h1')).rejects.toThrow('slow down');
  });
});

describe('DynamoPaymentStore.confirmRecordedByDossier', () => {
  it('treats a payment already out of the index as done, and surfaces any other failure', async () => {
    const paid = pendingPayment(6, { status: 'succeeded' });
    ddb.on(UpdateCommand).rejectsOnce(new ConditionalCheckFailedException({ $metadata: {}, message: 'gone' })).rejects(new Error('network'));
    await expect(store().confirmRecordedByDossier(paid)).resolves.toBeUndefined();
    await expect(store().confirmRecordedByDossier(paid)).rejects.toThrow('network');
  });
});

describe('DynamoPaymentStore.findByProviderRef', () => {
  const paid = pendingPayment(7, { status: 'succeeded' });
  const paymentKey = (p: Payment) => ({ pk: `PAYMENT#${p.paymentId}`, sk: 'PAYMENT' });
  const refKey = (provider: string, ref: string) => ({ pk: `PAYREF#${provider}#${ref}`, sk: 'REF' });
  const reads = () => ddb.commandCalls(GetCommand).map((c) => c.args[0].input.Key);
  /** A table holding these payments and reference items, read through GetItem only. */
  function table(payments: readonly Payment[], refs: Readonly<Record<string, string>> = {}) {
    ddb.on(GetCommand).callsFake(({ Key }: { Key: { pk: string } }) => {
      const payment = payments.find((p) => `PAYMENT#${p.paymentId}` === Key.pk);
      if (payment) return { Item: { ...paymentKey(payment), ...payment } };
      return refs[Key.pk] ? { Item: { ...Key, paymentId: refs[Key.pk] } } : {};
    });
  }

  it('reads the payment a reference names, alone, when it has this provider and this reference', async () => {
    table([paid]);
    expect(await store().findByProviderRef('vnpay', paid.providerRef, paid.paymentId)).toEqual(paid);
    expect(reads()).toEqual([paymentKey(paid)]);
  });

  it('finds a reference without a hint (another format) through its own item, as before', async () => {
    const memo = pendingPayment(8, { provider: 'vietqr', providerRef: 'TTABCDEFGHJKLM' });
    table([memo], { 'PAYREF#vietqr#TTABCDEFGHJKLM': memo.paymentId });
    expect(await store().findByProviderRef('vietqr', 'TTABCDEFGHJKLM')).toEqual(memo);
    expect(reads()).toEqual([refKey('vietqr', 'TTABCDEFGHJKLM'), paymentKey(memo)]);
  });

  it('falls back to the reference item when the named payment does not exist (a reference issued in an older format)', async () => {
    const older = pendingPayment(9, { providerRef: 'OLDFORMAT9' });
    table([older], { 'PAYREF#vnpay#OLDFORMAT9': older.paymentId });
    expect(await store().findByProviderRef('vnpay', 'OLDFORMAT9', 'pay_OLDFORMAT9')).toEqual(older);
    expect(reads()).toEqual([{ pk: 'PAYMENT#pay_OLDFORMAT9', sk: 'PAYMENT' }, refKey('vnpay', 'OLDFORMAT9'), paymentKey(older)]);
  });

  it.each([
    ['of another provider', 'national_platform', paid.providerRef],
    ['with another reference', 'vnpay', 'ANOTHERREF'],
  ] as const)('answers not found, as before, for a reference naming a payment %s', async (_case, provider, ref) => {
    table([paid]);
    expect(await store().findByProviderRef(provider, ref, paid.paymentId)).toBeUndefined();
    // The named payment is not taken: the reference's own item decides, and there is none.
    expect(reads()).toEqual([paymentKey(paid), refKey(provider, ref)]);
  });

  it('answers not found for a reference naming no payment at all', async () => {
    table([]);
    expect(await store().findByProviderRef('vnpay', 'NOSUCHORDER', 'pay_NOSUCHORDER')).toBeUndefined();
    expect(reads()).toEqual([{ pk: 'PAYMENT#pay_NOSUCHORDER', sk: 'PAYMENT' }, refKey('vnpay', 'NOSUCHORDER')]);
  });
});
