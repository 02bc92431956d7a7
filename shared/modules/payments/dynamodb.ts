import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { RetryableWriteConflict, withOptimisticRetry } from '../../platform/dynamodb/optimistic';
import { UnitOfWork } from '../../platform/dynamodb/unit-of-work';
import { DuplicateTransactionError } from './domain/errors';
import { dossierNosOf, isProviderTransactionId, PaymentStatuses, type Payment, type PaymentProviderName } from './domain/payment';
import { DynamoIdempotencyRecords } from './idempotency-dynamodb';
import type { IdempotencyBegin, LedgerEntry, PaymentStore, Settlement } from './ports';
import type { SettledPayments } from './settled-payments-port';
import { queueInOutbox } from '../dossiers';

export { IDEMPOTENCY_LEASE_SECONDS } from './idempotency-dynamodb';

const Keys = {
  payment: (id: string) => ({ pk: `PAYMENT#${id}`, sk: 'PAYMENT' }),
  ref: (provider: string, ref: string) => ({ pk: `PAYREF#${provider}#${ref}`, sk: 'REF' }),
  lock: (dossierNo: string) => ({ pk: `DOSSIER#${dossierNo}`, sk: 'PAYMENT_LOCK' }),
  transaction: (provider: string, id: string) => ({ pk: `PAYTXN#${provider}#${id}`, sk: 'TXN' }),
  ledger: (entry: LedgerEntry) => ({
    pk: entry.paymentId ? `PAYMENT#${entry.paymentId}` : `LEDGER#UNMATCHED#${entry.provider}`,
    sk: `LEDGER#${entry.at}#${randomUUID()}`,
  }),
  /** Pending payments by when they are due (expiry, or the provider's next re-query), so the expiry job reads only what is due. */
  pendingIndex: 'PAYMENT#PENDING',
  /** Succeeded payments whose dossier has not been seen recording them (sparse; reconcile-payments). */
  succeededIndex: 'PAYMENT#SUCCEEDED_UNCONFIRMED',
} as const;

/** The names of the items a payment transaction writes: what a cancellation reason is mapped by. */
export const PaymentItems = { lock: 'lock', payment: 'payment', reference: 'reference', transaction: 'transaction', ledger: 'ledger' } as const;

const pendingSortKey = (p: Payment) => `${p.queryDueAt ?? p.expiresAt}#${p.paymentId}`;
const succeededSortKey = (p: Payment) => `${p.completedAt ?? p.createdAt}#${p.paymentId}`;

function paymentItem(payment: Payment) {
  return {
    ...Keys.payment(payment.paymentId),
    ...payment,
    ...(payment.status === 'pending' ? { gsi1pk: Keys.pendingIndex, gsi1sk: pendingSortKey(payment) } : {}),
    // Until reconciliation has seen the dossier record it (succeededUnconfirmed, below).
    ...(payment.status === 'succeeded' ? { gsi1pk: Keys.succeededIndex, gsi1sk: succeededSortKey(payment) } : {}),
  };
}

function strip(item: Record<string, unknown> | undefined): Payment | undefined {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, ...payment } = item;
  return payment as unknown as Payment;
}

/** A dossier's payment lock is held: which dossier, and what the lock held when refused (ALL_OLD). */
class PaymentLockHeld extends Error {
  constructor(
    readonly dossierNo: string,
    readonly holder: { readonly paymentId?: string; readonly expiresAt?: string } | undefined,
  ) {
    super('a dossier\u2019s payment lock is held');
  }
}

/** The name of a dossier's lock in a payment's transaction (a basket takes one per dossier). */
const lockItem = (dossierNo: string) => `${PaymentItems.lock}:${dossierNo}`;

const conditionFailed = (error: unknown) => error instanceof ConditionalCheckFailedException || (error as { name?: string } | null)?.name === 'ConditionalCheckFailedException';

export class DynamoPaymentStore implements PaymentStore, SettledPayments {
  private readonly idempotency: DynamoIdempotencyRecords;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.idempotency = new DynamoIdempotencyRecords(client, tableName);
  }

  async get(paymentId: string): Promise<Payment | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: Keys.payment(paymentId), ConsistentRead: true }));
    return strip(Item);
  }

  /**
   * When the caller knows which payment the reference should name (a reference made from the payment
   * id, or the payment it read), that payment is read alone and taken only if it is this provider's
   * with this very reference. Anything else (no hint, a reference of an older format, a forged or
   * foreign one, no such payment) is answered by the reference's own item, as it always was.
   */
  async findByProviderRef(provider: PaymentProviderName, ref: string, paymentId?: string): Promise<Payment | undefined> {
    if (paymentId) {
      const named = await this.get(paymentId);
      if (named?.provider === provider && named.providerRef === ref) return named;
    }
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: Keys.ref(provider, ref), ConsistentRead: true }));
    return Item ? this.get(Item.paymentId as string) : undefined;
  }

  async livePaymentOf(dossierNo: string, now: Date): Promise<Payment | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: Keys.lock(dossierNo), ConsistentRead: true }));
    return this.liveHolder(Item, now);
  }

  /** The lock's payment while the lock has not expired and the payment is still pending. */
  private async liveHolder(lock: { paymentId?: unknown; expiresAt?: unknown } | undefined, now: Date): Promise<Payment | undefined> {
    if (!lock || typeof lock.paymentId !== 'string' || (lock.expiresAt as string) <= now.toISOString()) return undefined;
    const payment = await this.get(lock.paymentId);
    return payment?.status === 'pending' ? payment : undefined;
  }

  async create(payment: Payment, ledger: LedgerEntry, now: Date): Promise<{ created: true } | { created: false; existing: Payment }> {
    // The lock normally goes when its payment settles, but that release is best effort: a lock still
    // held by a payment that is over (final) is taken over, conditionally on that very holder.
    const finalHolders = new Map<string, string>();
    return withOptimisticRetry(async () => {
      try {
        await this.createUnit(payment, ledger, now, finalHolders).commit(this.client);
        return { created: true } as const;
      } catch (error) {
        if (!(error instanceof PaymentLockHeld)) throw error;
        const existing = await this.liveHolder(error.holder, now);
        if (existing) return { created: false, existing } as const;
        const holder = error.holder?.paymentId ? await this.get(error.holder.paymentId) : undefined;
        // A holder that is over is taken over next round; anything else moved meanwhile: look again.
        if (holder && PaymentStatuses[holder.status].final) finalHolders.set(error.dossierNo, holder.paymentId);
        throw new RetryableWriteConflict('a dossier\u2019s payment lock changed meanwhile', { cause: error });
      }
    });
  }

  private createUnit(payment: Payment, ledger: LedgerEntry, now: Date, finalHolders: ReadonlyMap<string, string>): UnitOfWork {
    const unit = new UnitOfWork(this.tableName);
    // At most one live payment per dossier: each lock (one per dossier of a basket, all in this one
    // transaction) is free, held by one that has expired, or held by one known to be over.
    for (const dossierNo of dossierNosOf(payment)) {
      const finalHolder = finalHolders.get(dossierNo);
      unit.put(lockItem(dossierNo), { ...Keys.lock(dossierNo), paymentId: payment.paymentId, expiresAt: payment.expiresAt }, {
        condition: `attribute_not_exists(pk) OR expiresAt <= :now${finalHolder ? ' OR paymentId = :holder' : ''}`,
        values: { ':now': now.toISOString(), ...(finalHolder ? { ':holder': finalHolder } : {}) },
        onConditionFailed: (old) => new PaymentLockHeld(dossierNo, old as { paymentId?: string; expiresAt?: string } | undefined),
      });
    }
    return unit
      .put(PaymentItems.payment, paymentItem(payment), { condition: 'attribute_not_exists(pk)' })
      .put(PaymentItems.reference, { ...Keys.ref(payment.provider, payment.providerRef), paymentId: payment.paymentId }, { condition: 'attribute_not_exists(pk)' })
      .put(PaymentItems.ledger, { ...Keys.ledger(ledger), ...ledger });
  }

  async settle({ before, after, ledger, events }: Settlement): Promise<void> {
    // Only money taken claims the unique (provider, transaction) key; "0" or empty never does.
    const newTransaction =
      after.status === 'succeeded' && isProviderTransactionId(after.providerTransactionId) && after.providerTransactionId !== before.providerTransactionId;
    // A version that moved is a concurrent writer: unmapped, so a conflict the caller's retry re-reads.
    const unit = new UnitOfWork(this.tableName).put(PaymentItems.payment, paymentItem(after), {
      condition: '#version = :expected',
      names: { '#version': 'version' },
      values: { ':expected': before.version },
    });
    if (newTransaction) {
      unit.put(PaymentItems.transaction, { ...Keys.transaction(after.provider, after.providerTransactionId!), paymentId: after.paymentId }, {
        condition: 'attribute_not_exists(pk)',
        onConditionFailed: () => new DuplicateTransactionError(`Transaction ${after.providerTransactionId} is already recorded`),
      });
    }
    unit.put(PaymentItems.ledger, { ...Keys.ledger(ledger), ...ledger });
    for (const event of events) queueInOutbox(unit, event);
    await unit.commit(this.client);
    if (before.status === 'pending' && after.status !== 'pending') await this.releaseLock(after);
  }

  /** Best effort: a lock left behind expires with its payment anyway. */
  private async releaseLock(payment: Payment): Promise<void> {
    await Promise.all(
      dossierNosOf(payment).map((dossierNo) =>
        this.client
          .send(
            new DeleteCommand({
              TableName: this.tableName,
              Key: Keys.lock(dossierNo),
              ConditionExpression: 'paymentId = :id',
              ExpressionAttributeValues: { ':id': payment.paymentId },
            }),
          )
          .catch(() => undefined),
      ),
    );
  }

  async appendLedger(entry: LedgerEntry): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...Keys.ledger(entry), ...entry } }));
  }

  /**
   * Up to `limit` pending payments due by `now`, oldest first, starting after `after` (the last one of
   * the previous page), so that a caller can page through everything due.
   */
  async pendingExpiredBy(now: Date, limit: number, after?: Payment): Promise<readonly Payment[]> {
    return this.indexPage(Keys.pendingIndex, now.toISOString(), limit, after && pendingSortKey(after), after);
  }

  /** Up to `limit` succeeded payments settled before `settledBefore` and not confirmed, oldest first, after `after`. */
  async succeededUnconfirmed(settledBefore: Date, limit: number, after?: Payment): Promise<readonly Payment[]> {
    return this.indexPage(Keys.succeededIndex, settledBefore.toISOString(), limit, after && succeededSortKey(after), after);
  }

  private async indexPage(index: string, before: string, limit: number, afterSortKey: string | undefined, after: Payment | undefined): Promise<Payment[]> {
    const payments: Payment[] = [];
    let start: Record<string, unknown> | undefined = after ? { ...Keys.payment(after.paymentId), gsi1pk: index, gsi1sk: afterSortKey } : undefined;
    do {
      const { Items, LastEvaluatedKey } = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
          ExpressionAttributeValues: { ':pk': index, ':before': before },
          Limit: limit - payments.length,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      payments.push(...(Items ?? []).map((i) => strip(i)!));
      start = LastEvaluatedKey;
    } while (start && payments.length < limit); // a page can stop short of the limit (1 MB)
    return payments;
  }

  /**
   * Takes a payment out of the succeeded index once its dossier records it. Only the index attributes
   * change (no new state, so no version bump): a settle() racing with this re-adds them, which costs
   * one more look at the next run and nothing else.
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
          ExpressionAttributeValues: { ':succeeded': 'succeeded', ':index': Keys.succeededIndex },
        }),
      )
      .catch((error: unknown) => {
        if (!conditionFailed(error)) throw error;
      });
  }

  beginIdempotent(scope: string, key: string, requestHash: string): Promise<IdempotencyBegin> {
    return this.idempotency.begin(scope, key, requestHash);
  }

  completeIdempotent(scope: string, key: string, statusCode: number, body: unknown): Promise<void> {
    return this.idempotency.complete(scope, key, statusCode, body);
  }

  abandonIdempotent(scope: string, key: string): Promise<void> {
    return this.idempotency.abandon(scope, key);
  }
}
