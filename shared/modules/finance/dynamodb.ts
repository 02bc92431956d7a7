import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { UnitOfWork } from '../../platform/dynamodb/unit-of-work';
import { vietnamDate } from '../../platform/kernel/time';
import type { BookEntry } from './domain/book';
import { dossiersOf, type FinanceException } from './domain/exception';
import { moneyKey, RefundExceedsPaymentError, RefundStatuses, type Refund } from './domain/refund';
import type { DueReceiptRequest, EntryMove, FinanceStore, ReconciliationRun, RefundChange } from './ports';

const Keys = {
  refund: (paymentId: string, refundId: string) => ({ pk: `PAYMENT#${paymentId}`, sk: `REFUND#${refundId}` }),
  /**
   * The running totals of refunds held against one payment's money (or against money an exception
   * holds beside it, or a dossier's share of a basket: moneyKey): the one item every refund of that money must pass.
   */
  held: (paymentId: string, money?: string) => ({ pk: `PAYMENT#${paymentId}`, sk: money ? `REFUND_TOTAL#${money}` : 'REFUND_TOTAL' }),
  exception: (id: string) => ({ pk: `FINEXC#${id}`, sk: 'EXCEPTION' }),
  audit: (id: string, at: string) => ({ pk: `FINEXC#${id}`, sk: `AUDIT#${at}` }),
  /** One item per exception about a dossier, beside it in the dossier's own partition: counted without a Scan. */
  ofDossier: (dossierNo: string, id: string) => ({ pk: `FINEXC_DOSSIER#${dossierNo}`, sk: id }),
  bookMarker: (entryId: string) => ({ pk: `FINBOOKID#${entryId}`, sk: 'ENTRY' }),
  book: (e: BookEntry) => ({ pk: `FINBOOK#${e.agencyCode}#${vietnamDate(new Date(e.at))}`, sk: e.entryId }),
  run: (r: ReconciliationRun) => ({ pk: `RECON#${r.provider}#${r.day}`, sk: `RUN#${r.fileHash}` }),
  /** An adjusting-receipt request not yet handed to the queue (written with the refund's change). */
  receiptDue: (refundId: string) => ({ pk: `FINRECEIPT#${refundId}`, sk: 'DUE' }),
  receiptDueIndex: 'FINRECEIPT#DUE',
  pendingRefunds: 'FINREFUND#PENDING',
  exceptionIndex: (agency: string, status: string) => `FINEXC#${agency}#${status}`,
  providerBook: (provider: string, day: string) => `FINBOOKP#${provider}#${day}`,
} as const;

/** Item names of finance transactions: what a cancellation is mapped by. */
export const FinanceItems = {
  refund: 'refund', held: 'held', exception: 'exception', audit: 'audit', marker: 'bookMarker', entry: 'bookEntry', movedFrom: 'bookEntryMovedFrom',
  ofDossier: 'exceptionOfDossier', receiptDue: 'receiptDue',
} as const;

function refundItem(r: Refund) {
  const pending = !RefundStatuses[r.status].final;
  return { ...Keys.refund(r.paymentId, r.refundId), ...r, ...(pending ? { gsi1pk: Keys.pendingRefunds, gsi1sk: `${r.agencyCode}#${r.requestedAt}#${r.refundId}` } : {}) };
}
const exceptionItem = (e: FinanceException) => ({ ...Keys.exception(e.exceptionId), ...e, gsi1pk: Keys.exceptionIndex(e.agencyCode, e.status), gsi1sk: `${e.openedAt}#${e.exceptionId}` });
const ofDossierItem = (e: FinanceException, dossierNo: string) => ({ ...Keys.ofDossier(dossierNo, e.exceptionId), exceptionId: e.exceptionId, status: e.status });

/** The exception's item in each dossier it shows on (a basket's money: every dossier of it), its status kept in step. */
function addOfDossier(unit: UnitOfWork, e: FinanceException): UnitOfWork {
  for (const dossierNo of dossiersOf(e)) unit.put(`${FinanceItems.ofDossier}:${dossierNo}`, ofDossierItem(e, dossierNo));
  return unit;
}
const entryItem = (e: BookEntry) => ({ ...Keys.book(e), ...e, gsi1pk: Keys.providerBook(e.provider, e.bookDate), gsi1sk: e.entryId });

function strip<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, ...rest } = item;
  return rest as T;
}

/** The item is there already: raising or booking again is a no-op. */
class AlreadyThere extends Error {}

/** Marker first: an entry id is booked once, whatever else the entry says. The marker keeps the entry, so it is read by id. */
function addEntry(unit: UnitOfWork, entry: BookEntry): UnitOfWork {
  return unit.put(FinanceItems.marker, { ...Keys.bookMarker(entry.entryId), ...entry }, { condition: 'attribute_not_exists(pk)', onConditionFailed: () => new AlreadyThere() }).put(FinanceItems.entry, entryItem(entry));
}


export class DynamoFinanceStore implements FinanceStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async createRefund(refund: Refund, paid: number): Promise<void> {
    // ADD is atomic; the condition makes the sum of held refunds never pass what was paid, however
    // many requests race (a refused one learns what remains from the total as it was: ALL_OLD).
    await new UnitOfWork(this.tableName)
      .update(FinanceItems.held, Keys.held(refund.paymentId, moneyKey(refund)), {
        update: 'ADD held :amount SET paid = :paid',
        condition: '(attribute_not_exists(held) AND :amount <= :paid) OR held <= :limit',
        values: { ':amount': refund.amount, ':paid': paid, ':limit': paid - refund.amount },
        onConditionFailed: (old) => new RefundExceedsPaymentError(paid - Number(old?.held ?? 0)),
      })
      .put(FinanceItems.refund, refundItem(refund), { condition: 'attribute_not_exists(pk)' })
      .commit(this.client);
  }

  async changeRefund({ before, after, book, refundedBefore, receiptRequest, resolves }: RefundChange): Promise<void> {
    const unit = new UnitOfWork(this.tableName).put(FinanceItems.refund, refundItem(after), {
      condition: '#version = :expected',
      names: { '#version': 'version' },
      values: { ':expected': before.version },
    });
    const held = Keys.held(after.paymentId, moneyKey(after));
    if (RefundStatuses[before.status].holdsAmount && !RefundStatuses[after.status].holdsAmount) {
      unit.update(FinanceItems.held, held, { update: 'ADD held :release', values: { ':release': -after.amount } });
    } else if (book) {
      // The split by fee kind was decided on `refundedBefore`: another refund of this money that
      // completed meanwhile fails this (a conflict, retried on what it wrote). Never with the release above.
      unit.update(FinanceItems.held, held, {
        update: 'ADD refunded :amount',
        condition: '(attribute_not_exists(refunded) AND :before = :zero) OR refunded = :before',
        values: { ':amount': after.amount, ':before': refundedBefore ?? 0, ':zero': 0 },
      });
    }
    if (book) addEntry(unit, book);
    if (receiptRequest) {
      unit.put(FinanceItems.receiptDue, {
        ...Keys.receiptDue(after.refundId), refundId: after.refundId, dueSince: after.completedAt ?? '', request: receiptRequest,
        gsi1pk: Keys.receiptDueIndex, gsi1sk: `${after.completedAt ?? ''}#${after.refundId}`,
      });
    }
    if (resolves) this.addResolution(unit, resolves.before, resolves.after);
    await unit.commit(this.client);
  }

  async getRefund(paymentId: string, refundId: string): Promise<Refund | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: Keys.refund(paymentId, refundId), ConsistentRead: true }));
    return Item ? strip<Refund>(Item) : undefined;
  }

  async refundsOf(paymentId: string): Promise<readonly Refund[]> {
    return (await this.query({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': `PAYMENT#${paymentId}`, ':sk': 'REFUND#' }, ConsistentRead: true })).map((i) => strip<Refund>(i));
  }

  async pendingRefunds(agencyCode?: string): Promise<readonly Refund[]> {
    const items = await this.query({
      IndexName: 'gsi1',
      KeyConditionExpression: agencyCode ? 'gsi1pk = :pk AND begins_with(gsi1sk, :agency)' : 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': Keys.pendingRefunds, ...(agencyCode ? { ':agency': `${agencyCode}#` } : {}) },
    });
    return items.map((i) => strip<Refund>(i));
  }

  async openException(exception: FinanceException, book?: BookEntry): Promise<boolean> {
    const unit = new UnitOfWork(this.tableName).put(FinanceItems.exception, exceptionItem(exception), {
      condition: 'attribute_not_exists(pk)',
      onConditionFailed: () => new AlreadyThere(),
    });
    unit.put(FinanceItems.audit, { ...Keys.audit(exception.exceptionId, exception.openedAt), action: 'opened', kind: exception.kind, amount: exception.amount });
    // Written with the exception (same transaction), so no dossier's count ever disagrees with the queue.
    addOfDossier(unit, exception);
    if (book) addEntry(unit, book);
    try {
      await unit.commit(this.client);
      return true;
    } catch (error) {
      if (error instanceof AlreadyThere) return false;
      throw error;
    }
  }

  async getException(exceptionId: string): Promise<FinanceException | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: Keys.exception(exceptionId), ConsistentRead: true }));
    return Item ? strip<FinanceException>(Item) : undefined;
  }

  async resolveException(before: FinanceException, after: FinanceException, move?: EntryMove): Promise<void> {
    const unit = this.addResolution(new UnitOfWork(this.tableName), before, after);
    if (move) {
      // Same entry id, same provider day (reconciliation sees it as before); another agency's book, and the marker follows.
      unit
        .delete(FinanceItems.movedFrom, Keys.book(move.from), { condition: 'attribute_exists(pk)' })
        .put(FinanceItems.entry, entryItem(move.to))
        .put(FinanceItems.marker, { ...Keys.bookMarker(move.to.entryId), ...move.to });
    }
    await unit.commit(this.client);
  }

  private addResolution(unit: UnitOfWork, before: FinanceException, after: FinanceException): UnitOfWork {
    // A match gives money its dossier only now; either way each dossier's item follows the status.
    addOfDossier(unit, after);
    return unit
      .put(FinanceItems.exception, exceptionItem(after), { condition: '#version = :v', names: { '#version': 'version' }, values: { ':v': before.version } })
      .put(FinanceItems.audit, { ...Keys.audit(after.exceptionId, after.resolution?.at ?? ''), action: 'resolved', ...after.resolution, agencyBefore: before.agencyCode, agencyAfter: after.agencyCode });
  }

  async exceptions(agencyCode: string, status: FinanceException['status']): Promise<readonly FinanceException[]> {
    const items = await this.query({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': Keys.exceptionIndex(agencyCode, status) } });
    return items.map((i) => strip<FinanceException>(i));
  }

  async countOpenForDossier(dossierNo: string): Promise<number> {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(new QueryCommand({
        TableName: this.tableName, KeyConditionExpression: 'pk = :pk', FilterExpression: '#status = :open', ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pk': `FINEXC_DOSSIER#${dossierNo}`, ':open': 'open' }, Select: 'COUNT', ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }));
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    return count;
  }

  async book(entry: BookEntry): Promise<boolean> {
    try {
      await addEntry(new UnitOfWork(this.tableName), entry).commit(this.client);
      return true;
    } catch (error) {
      if (error instanceof AlreadyThere) return false;
      throw error;
    }
  }

  async bookEntry(entryId: string): Promise<BookEntry | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: Keys.bookMarker(entryId), ConsistentRead: true }));
    // Markers written before they kept their entry hold only the id.
    return Item && 'kind' in Item ? strip<BookEntry>(Item) : undefined;
  }

  async bookOfAgency(agencyCode: string, date: string): Promise<readonly BookEntry[]> {
    return (await this.query({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `FINBOOK#${agencyCode}#${date}` }, ConsistentRead: true })).map((i) => strip<BookEntry>(i));
  }

  async bookOfProvider(provider: string, bookDate: string): Promise<readonly BookEntry[]> {
    return (await this.query({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': Keys.providerBook(provider, bookDate) } })).map((i) => strip<BookEntry>(i));
  }

  async saveReconciliation(run: ReconciliationRun): Promise<boolean> {
    try {
      // The same file again is the same run: the first import's record stays as it was.
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...Keys.run(run), ...run }, ConditionExpression: 'attribute_not_exists(pk)' }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async reconciled(provider: string, day: string): Promise<boolean> {
    const page = await this.client.send(new QueryCommand({
      TableName: this.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :run)',
      ExpressionAttributeValues: { ':pk': `RECON#${provider}#${day}`, ':run': 'RUN#' }, Limit: 1, ConsistentRead: true,
    }));
    return (page.Items ?? []).length > 0;
  }

  async dueReceiptRequests(before: Date, limit: number): Promise<readonly DueReceiptRequest[]> {
    const page = await this.client.send(new QueryCommand({
      TableName: this.tableName, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
      ExpressionAttributeValues: { ':pk': Keys.receiptDueIndex, ':before': before.toISOString() }, Limit: limit,
    }));
    return (page.Items ?? []).map((i) => ({ refundId: String(i.refundId), dueSince: String(i.dueSince), request: i.request as DueReceiptRequest['request'] }));
  }

  async receiptRequestSent(refundId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: Keys.receiptDue(refundId) }));
  }

  private async query(input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(new QueryCommand({ TableName: this.tableName, ...input, ...(start ? { ExclusiveStartKey: start } : {}) }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }
}
