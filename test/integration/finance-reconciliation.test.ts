import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { inject, describe, expect, it } from 'vitest';
import { DynamoFinanceStore } from '../../shared/modules/finance/dynamodb';
import { reconcileDay } from '../../shared/modules/finance/use-cases/reconcile-day';
import { bookingDate, type BookEntry } from '../../shared/modules/finance/domain/book';
import { DEFAULT_SETTLEMENT_FORMATS, writeSettlementFile } from '../../shared/modules/finance/settlement-file';
import { documents } from '../support/emulators';

/** Daily reconciliation against the real store: differences raised once, a re-import changing nothing. */
const clock = { now: () => new Date() };
const format = DEFAULT_SETTLEMENT_FORMATS.vietqr!;

function collection(reference: string, amount: number, at: string, agencyCode: string): BookEntry {
  return {
    entryId: `col_${reference}`, kind: 'collection', provider: 'vietqr', agencyCode, reference, transactionId: `T-${reference}`, paymentId: `pay_${reference}`,
    amount, at, bookDate: bookingDate('vietqr', new Date(at)), byFeeKind: { fee: amount },
  };
}

describe('Function: reconcileDay on DynamoDB', () => {
  it('matches, raises each difference once, honours the 22:00 booking, and a second import changes nothing', async () => {
    const finance = new DynamoFinanceStore(documents(), inject('tableName'));
    // A day of its own, so other tests' entries are not in it.
    const year = 2100 + Math.floor(Math.random() * 800);
    const day = `${year}-05-02`;
    const agency = `AG-${randomUUID().slice(0, 6)}`;
    const u = randomUUID().slice(0, 6);
    const ok = collection(`OK${u}`, 50_000, `${year}-05-02T03:00:00Z`, agency);
    const short = collection(`SH${u}`, 35_000, `${year}-05-02T04:00:00Z`, agency);
    const theirsMissing = collection(`TM${u}`, 10_000, `${year}-05-02T05:00:00Z`, agency);
    const late = collection(`LT${u}`, 20_000, `${year}-05-01T16:30:00Z`, agency); // 23:30 on the 1st: the bank's 2nd
    for (const e of [ok, short, theirsMissing, late]) await finance.book(e);
    const text = writeSettlementFile([
      { reference: ok.reference, transactionId: ok.transactionId!, amount: 50_000, at: new Date(ok.at) },
      { reference: short.reference, transactionId: short.transactionId!, amount: 30_000, at: new Date(short.at) },
      { reference: `XX${u}`, transactionId: 'T-unknown', amount: 70_000, at: new Date(`${year}-05-02T06:00:00Z`) },
      { reference: late.reference, transactionId: late.transactionId!, amount: 20_000, at: new Date(late.at) },
    ], format);

    const runs = async () => (await documents().send(new QueryCommand({ TableName: inject('tableName'), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `RECON#vietqr#${day}` }, ConsistentRead: true }))).Items;
    const bookOfDay = async () => (await finance.bookOfProvider('vietqr', day)).map((e) => e.entryId).sort();
    const first = await reconcileDay({ finance, clock }, 'vietqr', day, text, format);
    const [runsAfterFirst, bookAfterFirst] = [await runs(), await bookOfDay()];
    expect(first.counts).toEqual({ matched: 2, amount_difference: 1, missing_ours: 1, missing_theirs: 1 });
    expect(first.matchedTotal).toBe(70_000);
    expect(first.exceptionsOpened).toBe(3);
    const open = await finance.exceptions(agency, 'open');
    expect(open.map((e) => e.reference).sort()).toEqual([short.reference, theirsMissing.reference].sort());

    const again = await reconcileDay({ finance, clock }, 'vietqr', day, text, format);
    expect(again.exceptionsOpened).toBe(0);
    expect(again.resultFile).toBe(first.resultFile);
    expect(await finance.exceptions(agency, 'open')).toHaveLength(2);
    // Nothing else changed either: the run's record (its time included) and the book are as the first import left them.
    expect(runsAfterFirst).toHaveLength(1);
    expect(await runs()).toEqual(runsAfterFirst);
    expect(await bookOfDay()).toEqual(bookAfterFirst);
    expect(await finance.reconciled('vietqr', day)).toBe(true);
  });
});
