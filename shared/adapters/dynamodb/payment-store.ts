import { randomUUID } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DuplicateTransactionError, PaymentChangedError } from '../../domain/payments/errors';
import type { Payment, PaymentProviderName } from '../../domain/payments/payment';
import type { IdempotencyBegin, LedgerEntry, PaymentStore, Settlement } from '../../ports/payments';
import { cancellationCodes, outboxPut } from './transactions';

const IDEMPOTENCY_TTL_SECONDS = 48 * 60 * 60;

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
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              // At most one live payment per dossier: the lock is free, or held by one that has expired.
              Put: {
                TableName: this.tableName,
                Item: { ...Keys.lock(payment.dossierNo), paymentId: payment.paymentId, expiresAt: payment.expiresAt },
                ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
                ExpressionAttributeValues: { ':now': now.toISOString() },
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
          ],
        }),
      );
      return { created: true };
    } catch (error) {
      if (cancellationCodes(error)?.[0] !== 'ConditionalCheckFailed') throw error;
      const existing = await this.livePaymentOf(payment.dossierNo, now);
      if (existing) return { created: false, existing };
      throw new PaymentChangedError('The dossier\u2019s live payment changed meanwhile; retry', { cause: error });
    }
  }

  async settle({ before, after, ledger, events }: Settlement): Promise<void> {
    const newTransaction = after.providerTransactionId && after.providerTransactionId !== before.providerTransactionId;
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

  async pendingExpiredBy(now: Date, limit: number): Promise<readonly Payment[]> {
    const { Items } = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :now',
        ExpressionAttributeValues: { ':pk': Keys.pendingIndex, ':now': now.toISOString() },
        Limit: limit,
      }),
    );
    return (Items ?? []).map((i) => strip(i)!);
  }

  async beginIdempotent(scope: string, key: string, requestHash: string): Promise<IdempotencyBegin> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...Keys.idempotency(scope, key), requestHash, state: 'in_progress', ttl: Math.floor(Date.now() / 1000) + IDEMPOTENCY_TTL_SECONDS },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { kind: 'new' };
    } catch (error) {
      if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    }
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: Keys.idempotency(scope, key), ConsistentRead: true }));
    if (!Item) return this.beginIdempotent(scope, key, requestHash);
    if (Item.requestHash !== requestHash) return { kind: 'mismatch' };
    if (Item.state !== 'done') return { kind: 'in_progress' };
    return { kind: 'replay', statusCode: Item.statusCode as number, body: Item.body };
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
