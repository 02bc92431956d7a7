import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoReceiptStore } from '../../../../../shared/modules/receipts/dynamodb';
import { numberingScope } from '../../../../../shared/modules/receipts/domain/numbering';
import type { Receipt, ReceiptDraft } from '../../../../../shared/modules/receipts/domain/receipt';

const ddb = mockClient(DynamoDBDocumentClient);
afterEach(() => ddb.reset());
const store = () => new DynamoReceiptStore(DynamoDBDocumentClient.from(new DynamoDBClient({})), 'main');

const NOW = new Date('2027-03-01T03:00:00Z');
const scope = numberingScope('HP-STP', { template: '01BLP0-001', seriesLetters: 'AA' }, NOW);
const draft = (kind: 'fee' | 'charge'): ReceiptDraft => ({
  receiptId: `H31-1.${kind}`, fkey: `K-${kind}`, dossierNo: 'H31-1', agencyCode: 'HP-STP', agencyName: 'Sở Tư pháp', kind, purpose: 'original',
  payer: { name: 'Nguyễn Văn A', idNumber: '001099012345' }, lines: [], amount: 10_000, amountInWords: 'Mười nghìn đồng',
});
/** The written items of the reservation's transaction, by partition-key family. */
const written = () => (ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems ?? []).map((t) => String(t.Put?.Item?.pk).split('#')[0]);

describe('DynamoReceiptStore.reserve', () => {
  it("the day's first reservation of a counter also lists the agency for the day's summary", async () => {
    // Prepare: the counter last moved yesterday
    ddb.on(GetCommand).resolves({ Item: { pk: 'x', sk: 'SEQ', last: 7, receiptDate: '2027-02-28' } });
    ddb.on(TransactWriteCommand).resolves({});
    // Act
    const receipts = await store().reserve([draft('fee'), draft('charge')], scope, NOW);
    // Assess
    expect(receipts.map((r) => r.number)).toEqual([8, 9]);
    expect(written()).toEqual(['RECEIPTSEQ', 'RECEIPTS', 'RECEIPTS', 'RECEIPTAGENCIES']);
    const agencyRow = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!.at(-1)!.Put!.Item;
    expect(agencyRow).toEqual({ pk: 'RECEIPTAGENCIES#2027-03-01', sk: 'HP-STP' });
  });

  it('a new counter (first receipt of the year) lists the agency too', async () => {
    ddb.on(GetCommand).resolves({});
    ddb.on(TransactWriteCommand).resolves({});
    await store().reserve([draft('fee')], scope, NOW);
    expect(written()).toEqual(['RECEIPTSEQ', 'RECEIPTS', 'RECEIPTAGENCIES']);
  });

  it('a later reservation of the same day writes the counter and the receipts only, conditional on the count read', async () => {
    ddb.on(GetCommand).resolves({ Item: { pk: 'x', sk: 'SEQ', last: 9, receiptDate: '2027-03-01' } });
    ddb.on(TransactWriteCommand).resolves({});
    await store().reserve([draft('fee')], scope, NOW);
    expect(written()).toEqual(['RECEIPTSEQ', 'RECEIPTS']);
    const counter = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![0]!.Put!;
    expect([counter.ConditionExpression, counter.ExpressionAttributeValues, counter.Item!.last, counter.Item!.receiptDate]).toEqual(['#last = :last', { ':last': 9 }, 10, '2027-03-01']);
  });
});

describe('DynamoReceiptStore.save', () => {
  it('writes the outcome once, conditional on the version read', async () => {
    ddb.on(PutCommand).resolves({});
    const reserved = { ...draft('fee'), template: scope.template, series: scope.series, year: 2027, number: 8, receiptNo: '0000008', receiptDate: scope.receiptDate, status: 'reserved', reservedAt: NOW.toISOString(), version: 1 } satisfies Receipt;
    const saved = await store().save(reserved, { ...reserved, status: 'issued', issuedAt: NOW.toISOString(), pdfUrl: 'https://r.test/1.pdf' });
    const put = ddb.commandCalls(PutCommand)[0]!.args[0].input;
    expect([saved.version, put.Item!.status, put.ConditionExpression, put.ExpressionAttributeValues]).toEqual([2, 'issued', '#v = :v', { ':v': 1 }]);
  });
});
