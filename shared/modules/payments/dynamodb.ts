import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DuplicateTransactionError, PaymentChangedError } from './domain/errors';
import { isProviderTransactionId, PaymentStatuses, type Payment, type PaymentProviderName } from './domain/payment';
import type { IdempotencyBegin, LedgerEntry, PaymentStore, Settlement } from './ports';
import { cancellationCodes } from '../../platform/dynamodb/transactions';
import { outboxPut } from '../dossiers';

const IDEMPOTENCY_TTL_SECONDS = 48 * 60 * 60;
/**
 * How long an in-progress idempotency record holds its key. Longer than the create-payment Lambda's
 * timeout (10 s), so a record older than this belongs to a request that crashed or timed out, and
 * the next request with the same key and body takes it over instead of being refused for 48 h.
 */
export const IDEMPOTENCY_LEASE_SECONDS = 60;

const Keys = {
  payment: (id: string) => ({ pk: `PAYMENT#${id}`, sk: 'PAYMENT' }),
  ref: (provider: string, ref: string) => ({ pk: `PAYREF#${provider}#${ref}`, sk: 'REF' }),
  lock: (dossierNo: string) => ({ pk: `DOSSIER#${dossierNo}`, sk: 'PAYMENT_LOCK' }),
  transaction: (provider: string, id: string) => ({ pk: `PAYTXN#${provider}#${id}`, sk: 'TXN' }),
  ledger: (entry: LedgerEntry) => ({
    pk: entry.paymentId ? `PAYMENT#${entry.paymentId}` : `LEDGER#UNMATCHED#${entry.provider}`,
    sk: `LEDGER#${entry.at}#${randomUUID()}`,
  }),
  idempotency: (scope: string, key: string) => ({ pk: `IDEMP#${scope}#${key}`, sk: 'IDEMP' }),
  pendingIndex: 'PAYMENT#PENDING',
} as const;


/** Succeeded payments whose dossier has not been seen recording them (sparse; reconcile-payments). */
const SUCCEEDED_INDEX = 'PAYMENT#SUCCEEDED_UNCONFIRMED';

/** Pending payments are indexed by expiry so the expiry job reads only what is due. */
function paymentItem(payment: Payment) {
  return {
    ...Keys.payment(payment.paymentId),
    ...payment,
    ...(payment.status === 'pending' ? { gsi1pk: Keys.pendingIndex, gsi1sk: `${payment.expiresAt}#${payment.paymentId}` } : {}),
    // Until reconciliation has seen the dossier record it (SucceededPaymentsIndex, at the end).
    ...(payment.status === 'succeeded' ? { gsi1pk: SUCCEEDED_INDEX, gsi1sk: `${payment.completedAt ?? payment.createdAt}#${payment.paymentId}` } : {}),
  };
}

function strip(item: Record<string, unknown> | undefined): Payment | undefined {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, ...payment } = item;
  return payment as unknown as Payment;
}

export class DynamoPaymentStore implements PaymentStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(paymentId: string): Promise<Payment | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: Keys.payment(paymentId), ConsistentRead: true }));
    return strip(Item);
  }

  async findByProviderRef(provider: PaymentProviderName, ref: string): Promise<Payment | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: Keys.ref(provider, ref), ConsistentRead: true }));
    return Item ? this.get(Item.paymentId as string) : undefined;
  }

  async livePaymentOf(dossierNo: string, now: Date): Promise<Payment | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: Keys.lock(dossierNo), ConsistentRead: true }));
    if (!Item || (Item.expiresAt as string) <= now.toISOString()) return undefined;
    const payment = await this.get(Item.paymentId as string);
    return payment?.status === 'pending' ? payment : undefined;
  }

  private ledgerPut(entry: LedgerEntry) {
    return { Put: { TableName: this.tableName, Item: { ...Keys.ledger(entry), ...entry } } };
  }

  async create(payment: Payment, ledger: LedgerEntry, now: Date): Promise<{ created: true } | { created: false; existing: Payment }> {
    // The lock normally goes when its payment settles, but that release is best effort: a lock still
    // held by a payment that is over (final) is taken over, conditionally on that very holder.
    let finalHolder: string | undefined;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.client.send(new TransactWriteCommand({ TransactItems: this.createItems(payment, ledger, now, finalHolder) }));
        return { created: true };
      } catch (error) {
        if (cancellationCodes(error)?.[0] !== 'ConditionalCheckFailed') throw error;
        const existing = await this.livePaymentOf(payment.dossierNo, now);
        if (existing) return { created: false, existing };
        const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: Keys.lock(payment.dossierNo), ConsistentRead: true }));
        const holder = Item ? await this.get(Item.paymentId as string) : undefined;
        if (!holder || !PaymentStatuses[holder.status].final) {
          throw new PaymentChangedError('The dossier\u2019s live payment changed meanwhile; retry', { cause: error });
        }
        finalHolder = holder.paymentId;
      }
    }
    throw new PaymentChangedError('The dossier\u2019s live payment kept changing; retry');
  }

  private createItems(payment: Payment, ledger: LedgerEntry, now: Date, finalHolder: string | undefined) {
    return [
      {
        // At most one live payment per dossier: the lock is free, held by one that has expired, or
        // held by one known to be over.
        Put: {
          TableName: this.tableName,
          Item: { ...Keys.lock(payment.dossierNo), paymentId: payment.paymentId, expiresAt: payment.expiresAt },
          ConditionExpression: `attribute_not_exists(pk) OR expiresAt <= :now${finalHolder ? ' OR paymentId = :holder' : ''}`,
          ExpressionAttributeValues: { ':now': now.toISOString(), ...(finalHolder ? { ':holder': finalHolder } : {}) },
        },
      },
      { Put: { TableName: this.tableName, Item: paymentItem(payment), ConditionExpression: 'attribute_not_exists(pk)' } },
      {
        Put: {
          TableName: this.tableName,
          Item: { ...Keys.ref(payment.provider, payment.providerRef), paymentId: payment.paymentId },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      this.ledgerPut(ledger),
    ];
  }

  async settle({ before, after, ledger, events }: Settlement): Promise<void> {
    // Only money taken claims the unique (provider, transaction) key; "0" or empty never does.
    const newTransaction =
      after.status === 'succeeded' && isProviderTransactionId(after.providerTransactionId) && after.providerTransactionId !== before.providerTransactionId;
    const items = [
      {
        Put: {
          TableName: this.tableName,
          Item: paymentItem(after),
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': before.version },
        },
      },
      ...(newTransaction
        ? [{
            Put: {
              TableName: this.tableName,
              Item: { ...Keys.transaction(after.provider, after.providerTransactionId!), paymentId: after.paymentId },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          }]
        : []),
      this.ledgerPut(ledger),
      ...events.map((event) => outboxPut(this.tableName, event)),
    ];
    try {
      await this.client.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      const reasons = cancellationCodes(error);
      if (reasons?.[0] === 'ConditionalCheckFailed') throw new PaymentChangedError(`Payment ${before.paymentId} changed meanwhile`, { cause: error });
      if (newTransaction && reasons?.[1] === 'ConditionalCheckFailed') {
        throw new DuplicateTransactionError(`Transaction ${after.providerTransactionId} is already recorded`, { cause: error });
      }
      throw error;
    }
    if (before.status === 'pending' && after.status !== 'pending') await this.releaseLock(after);
  }

  /** Best effort: a lock left behind expires with its payment anyway. */
  private async releaseLock(payment: Payment): Promise<void> {
    await this.client
      .send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: Keys.lock(payment.dossierNo),
          ConditionExpression: 'paymentId = :id',
          ExpressionAttributeValues: { ':id': payment.paymentId },
        }),
      )
      .catch(() => undefined);
  }

  async appendLedger(entry: LedgerEntry): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...Keys.ledger(entry), ...entry } }));
  }

  /**
   * Up to `limit` pending payments due by `now`, oldest first, starting after `after` (the last one of
   * the previous page), so that a caller can page through everything due.
   */
  async pendingExpiredBy(now: Date, limit: number, after?: Payment): Promise<readonly Payment[]> {
    const payments: Payment[] = [];
    let start: Record<string, unknown> | undefined = after
      ? { ...Keys.payment(after.paymentId), gsi1pk: Keys.pendingIndex, gsi1sk: `${after.expiresAt}#${after.paymentId}` }
      : undefined;
    do {
      const { Items, LastEvaluatedKey } = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :now',
          ExpressionAttributeValues: { ':pk': Keys.pendingIndex, ':now': now.toISOString() },
          Limit: limit - payments.length,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      payments.push(...(Items ?? []).map((i) => strip(i)!));
      start = LastEvaluatedKey;
    } while (start && payments.length < limit); // a page can stop short of the limit (1 MB)
    return payments;
  }

  async beginIdempotent(scope: string, key: string, requestHash: string): Promise<IdempotencyBegin> {
    const nowSeconds = Math.floor(Date.now() / 1000);
    const record = { ...Keys.idempotency(scope, key), requestHash, state: 'in_progress', leaseUntil: nowSeconds + IDEMPOTENCY_LEASE_SECONDS, ttl: nowSeconds + IDEMPOTENCY_TTL_SECONDS };
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: record, ConditionExpression: 'attribute_not_exists(pk)' }));
      return { kind: 'new' };
    } catch (error) {
      if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    }
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: Keys.idempotency(scope, key), ConsistentRead: true }));
    if (!Item) return this.beginIdempotent(scope, key, requestHash);
    if (Item.requestHash !== requestHash) return { kind: 'mismatch' };
    if (Item.state === 'done') return { kind: 'replay', statusCode: Item.statusCode as number, body: Item.body };
    // Records written before leases existed started IDEMPOTENCY_TTL_SECONDS before their ttl.
    const leaseUntil = typeof Item.leaseUntil === 'number' ? Item.leaseUntil : (Item.ttl as number) - IDEMPOTENCY_TTL_SECONDS + IDEMPOTENCY_LEASE_SECONDS;
    if (leaseUntil > nowSeconds) return { kind: 'in_progress' };
    try {
      // Take over the crashed request's record, conditionally on it being exactly the one read, so
      // that of two requests arriving after the lease only one proceeds.
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: record,
          ConditionExpression: '#state = :progress AND requestHash = :hash AND #ttl = :ttl',
          ExpressionAttributeNames: { '#state': 'state', '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':progress': 'in_progress', ':hash': requestHash, ':ttl': Item.ttl },
        }),
      );
      return { kind: 'new' };
    } catch (error) {
      if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
      return { kind: 'in_progress' };
    }
  }

  async completeIdempotent(scope: string, key: string, statusCode: number, body: unknown): Promise<void> {
    await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: Keys.idempotency(scope, key),
        UpdateExpression: 'SET #state = :done, statusCode = :status, body = :body',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':done': 'done', ':status': statusCode, ':body': body },
      }),
    );
  }

  /** A request that failed with an error may be retried with the same key. */
  async abandonIdempotent(scope: string, key: string): Promise<void> {
    await this.client.send(
      new DeleteCommand({
        TableName: this.tableName,
        Key: Keys.idempotency(scope, key),
        ConditionExpression: '#state = :progress',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':progress': 'in_progress' },
      }),
    ).catch(() => undefined);
  }

  // SucceededPaymentsIndex (reconcile-payments): succeeded payments stay in a sparse index from their
  // settlement until reconciliation has seen their dossier record them.

  /** Up to `limit` succeeded payments settled before `settledBefore` and not confirmed, oldest first, after `after`. */
  async succeededUnconfirmed(settledBefore: Date, limit: number, after?: Payment): Promise<readonly Payment[]> {
    const payments: Payment[] = [];
    let start: Record<string, unknown> | undefined = after
      ? { ...Keys.payment(after.paymentId), gsi1pk: SUCCEEDED_INDEX, gsi1sk: `${after.completedAt ?? after.createdAt}#${after.paymentId}` }
      : undefined;
    do {
      const { Items, LastEvaluatedKey } = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
          ExpressionAttributeValues: { ':pk': SUCCEEDED_INDEX, ':before': settledBefore.toISOString() },
          Limit: limit - payments.length,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      payments.push(...(Items ?? []).map((i) => strip(i)!));
      start = LastEvaluatedKey;
    } while (start && payments.length < limit);
    return payments;
  }

  /**
   * Takes a payment out of the index once its dossier records it. Only the index attributes change
   * (no new state, so no version bump): a settle() racing with this re-adds them, which costs one more
   * look at the next run and nothing else.
   */
  async confirmRecordedByDossier(payment: Payment): Promise<void> {
    await this.client
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: Keys.payment(payment.paymentId),
          UpdateExpression: 'REMOVE gsi1pk, gsi1sk',
          ConditionExpression: '#status = :succeeded AND gsi1pk = :index',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':succeeded': 'succeeded', ':index': SUCCEEDED_INDEX },
        }),
      )
      .catch((error: { name?: string }) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
  }
}
