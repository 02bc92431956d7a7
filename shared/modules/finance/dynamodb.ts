import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { UnitOfWork } from '../../platform/dynamodb/unit-of-work';
import { vietnamDate } from '../../platform/kernel/time';
import type { BookEntry } from './domain/book';
import type { FinanceException } from './domain/exception';
import { RefundExceedsPaymentError, RefundStatuses, type Refund } from './domain/refund';
import type { FinanceStore, ReconciliationRun, RefundChange } from './ports';

const Keys = {
  refund: (paymentId: string, refundId: string) => ({ pk: `PAYMENT#${paymentId}`, sk: `REFUND#${refundId}` }),
  /** The running total of refunds held against one payment: the one item every refund of it must pass. */
  held: (paymentId: string) => ({ pk: `PAYMENT#${paymentId}`, sk: 'REFUND_TOTAL' }),
  exception: (id: string) => ({ pk: `FINEXC#${id}`, sk: 'EXCEPTION' }),
  audit: (id: string, at: string) => ({ pk: `FINEXC#${id}`, sk: `AUDIT#${at}` }),
  /** One item per exception about a dossier, beside it in the dossier's own partition: counted without a Scan. */
  ofDossier: (dossierNo: string, id: string) => ({ pk: `FINEXC_DOSSIER#${dossierNo}`, sk: id }),
  bookMarker: (entryId: string) => ({ pk: `FINBOOKID#${entryId}`, sk: 'ENTRY' }),
  book: (e: BookEntry) => ({ pk: `FINBOOK#${e.agencyCode}#${vietnamDate(new Date(e.at))}`, sk: e.entryId }),
  run: (r: ReconciliationRun) => ({ pk: `RECON#${r.provider}#${r.day}`, sk: `RUN#${r.fileHash}` }),
  pendingRefunds: 'FINREFUND#PENDING',
  exceptionIndex: (agency: string, status: string) => `FINEXC#${agency}#${status}`,
  providerBook: (provider: string, day: string) => `FINBOOKP#${provider}#${day}`,
} as const;

/** Item names of finance transactions: what a cancellation is mapped by. */
export const FinanceItems = { refund: 'refund', held: 'held', exception: 'exception', audit: 'audit', marker: 'bookMarker', entry: 'bookEntry', ofDossier: 'exceptionOfDossier' } as const;

function refundItem(r: Refund) {
  const pending = !RefundStatuses[r.status].final;
  return { ...Keys.refund(r.paymentId, r.refundId), ...r, ...(pending ? { gsi1pk: Keys.pendingRefunds, gsi1sk: `${r.agencyCode}#${r.requestedAt}#${r.refundId}` } : {}) };
}
const exceptionItem = (e: FinanceException) => ({ ...Keys.exception(e.exceptionId), ...e, gsi1pk: Keys.exceptionIndex(e.agencyCode, e.status), gsi1sk: `${e.openedAt}#${e.exceptionId}` });
const ofDossierItem = (e: FinanceException) => ({ ...Keys.ofDossier(e.dossierNo!, e.exceptionId), exceptionId: e.exceptionId, status: e.status });
const entryItem = (e: BookEntry) => ({ ...Keys.book(e), ...e, gsi1pk: Keys.providerBook(e.provider, e.bookDate), gsi1sk: e.entryId });

function strip<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, ...rest } = item;
  return rest as T;
}

/** The item is there already: raising or booking again is a no-op. */
class AlreadyThere extends Error {}

/** Marker first: an entry id is booked once, whatever else the entry says. */
function addEntry(unit: UnitOfWork, entry: BookEntry): UnitOfWork {
  return unit.put(FinanceItems.marker, { ...Keys.bookMarker(entry.entryId), entryId: entry.entryId }, { condition: 'attribute_not_exists(pk)', onConditionFailed: () => new AlreadyThere() }).put(FinanceItems.entry, entryItem(entry));
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
      .update(FinanceItems.held, Keys.held(refund.paymentId), {
        update: 'ADD held :amount SET paid = :paid',
        condition: '(attribute_not_exists(held) AND :amount <= :paid) OR held <= :limit',
        values: { ':amount': refund.amount, ':paid': paid, ':limit': paid - refund.amount },
        onConditionFailed: (old) => new RefundExceedsPaymentError(paid - Number(old?.held ?? 0)),
      })
      .put(FinanceItems.refund, refundItem(refund), { condition: 'attribute_not_exists(pk)' })
      .commit(this.client);
  }

  async changeRefund({ before, after, book, resolves }: RefundChange): Promise<void> {
    const unit = new UnitOfWork(this.tableName).put(FinanceItems.refund, refundItem(after), {
      condition: '#version = :expected',
      names: { '#version': 'version' },
      values: { ':expected': before.version },
    });
    if (RefundStatuses[before.status].holdsAmount && !RefundStatuses[after.status].holdsAmount) {
      unit.update(FinanceItems.held, Keys.held(after.paymentId), { update: 'ADD held :release', values: { ':release': -after.amount } });
    }
    if (book) addEntry(unit, book);
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
    // Written with the exception (same transaction), so the dossier's count never disagrees with the queue.
    if (exception.dossierNo) unit.put(FinanceItems.ofDossier, ofDossierItem(exception));
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

  async resolveException(before: FinanceException, after: FinanceException): Promise<void> {
    await this.addResolution(new UnitOfWork(this.tableName), before, after).commit(this.client);
  }

  private addResolution(unit: UnitOfWork, before: FinanceException, after: FinanceException): UnitOfWork {
    // A match gives money its dossier only now; either way the dossier's item follows the status.
    if (after.dossierNo) unit.put(FinanceItems.ofDossier, ofDossierItem(after));
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

  async bookOfAgency(agencyCode: string, date: string): Promise<readonly BookEntry[]> {
    return (await this.query({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `FINBOOK#${agencyCode}#${date}` }, ConsistentRead: true })).map((i) => strip<BookEntry>(i));
  }

  async bookOfProvider(provider: string, bookDate: string): Promise<readonly BookEntry[]> {
    return (await this.query({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': Keys.providerBook(provider, bookDate) } })).map((i) => strip<BookEntry>(i));
  }

  async saveReconciliation(run: ReconciliationRun): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...Keys.run(run), ...run } }));
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
