import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { UnitOfWork } from '../../platform/dynamodb/unit-of-work';
import { reserveNumbers, type NumberingScope } from './domain/numbering';
import type { Receipt, ReceiptDraft } from './domain/receipt';
import { ReceiptsExistError, type ReceiptStore, type SummaryMark } from './ports';

const Keys = {
  receipt: (dossierNo: string, receiptId: string) => ({ pk: `RECEIPTS#${dossierNo}`, sk: `RECEIPT#${receiptId}` }),
  receiptsOf: (dossierNo: string) => `RECEIPTS#${dossierNo}`,
  counter: (s: NumberingScope) => ({ pk: `RECEIPTSEQ#${s.agencyCode}#${s.template}#${s.series}#${s.year}`, sk: 'SEQ' }),
  /** Index by agency and receipt date, in number order: the day's summary reads it. */
  day: (agencyCode: string, date: string) => `RECEIPTDAY#${agencyCode}#${date}`,
  daySort: (r: Pick<Receipt, 'template' | 'series' | 'number'>) => `${r.template}#${r.series}#${String(r.number).padStart(8, '0')}`,
  agencies: (date: string) => ({ pk: `RECEIPTAGENCIES#${date}` }),
  summary: (agencyCode: string, date: string) => ({ pk: `RECEIPTSUMMARY#${agencyCode}`, sk: date }),
} as const;

function item(r: Receipt) {
  return { ...Keys.receipt(r.dossierNo, r.receiptId), ...r, gsi1pk: Keys.day(r.agencyCode, r.receiptDate), gsi1sk: Keys.daySort(r) };
}

function strip(i: Record<string, unknown>): Receipt {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, ...receipt } = i;
  return receipt as unknown as Receipt;
}

export class DynamoReceiptStore implements ReceiptStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async ofDossier(dossierNo: string): Promise<Receipt[]> {
    return this.queryAll({ KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: { ':pk': Keys.receiptsOf(dossierNo), ':sk': 'RECEIPT#' }, ConsistentRead: true });
  }

  async reserve(drafts: readonly ReceiptDraft[], scope: NumberingScope, now: Date): Promise<Receipt[]> {
    const counterKey = Keys.counter(scope);
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: counterKey, ConsistentRead: true }));
    const last = (Item?.last as number | undefined) ?? 0;
    const receipts = reserveNumbers(scope, last, drafts, now);
    // The counter moves only from the value read, and in the same transaction as the receipts that
    // take its numbers: a lost race writes nothing (no gap), a receipt written before cancels all.
    const work = new UnitOfWork(this.tableName).put('counter', { ...counterKey, last: last + drafts.length, ...scope }, Item
      ? { condition: '#last = :last', names: { '#last': 'last' }, values: { ':last': last } }
      : { condition: 'attribute_not_exists(pk)' });
    for (const r of receipts) {
      work.put(`receipt ${r.receiptId}`, item(r), { condition: 'attribute_not_exists(pk)', onConditionFailed: () => new ReceiptsExistError(r.receiptId) });
    }
    // The day's list of agencies (the summary job reads it) gets this agency with the counter's first
    // move of the day: a counter already moved today (checked by the condition above) wrote the row.
    if (Item?.receiptDate !== scope.receiptDate) work.put('agency of the day', { ...Keys.agencies(scope.receiptDate), sk: scope.agencyCode });
    await work.commit(this.client);
    return receipts;
  }

  async save(current: Receipt, next: Receipt): Promise<Receipt> {
    const saved = { ...next, version: current.version + 1 };
    await new UnitOfWork(this.tableName)
      .put('receipt', item(saved), { condition: '#v = :v', names: { '#v': 'version' }, values: { ':v': current.version } })
      .commit(this.client);
    return saved;
  }

  async ofAgencyDay(agencyCode: string, date: string): Promise<Receipt[]> {
    return this.queryAll({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': Keys.day(agencyCode, date) } });
  }

  async agenciesOn(date: string): Promise<string[]> {
    const items = await this.queryRaw({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': Keys.agencies(date).pk }, ConsistentRead: true });
    return items.map((i) => i.sk as string);
  }

  async summarySent(agencyCode: string, date: string): Promise<SummaryMark | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: Keys.summary(agencyCode, date), ConsistentRead: true }));
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, ...mark } = Item;
    return mark as SummaryMark;
  }

  async markSummarySent(mark: SummaryMark): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...Keys.summary(mark.agencyCode, mark.date), ...mark } }));
  }

  private async queryAll(input: Record<string, unknown>): Promise<Receipt[]> {
    return (await this.queryRaw(input)).map(strip);
  }

  private async queryRaw(input: Record<string, unknown>): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.client.send(new QueryCommand({ TableName: this.tableName, ...input, ...(start ? { ExclusiveStartKey: start } : {}) } as never));
      items.push(...((page.Items ?? []) as Record<string, unknown>[]));
      start = page.LastEvaluatedKey as Record<string, unknown> | undefined;
    } while (start);
    return items;
  }
}
