import { describe, expect, it } from 'vitest';
import { bookingDate, type BookEntry } from '../../../../../../shared/modules/finance/domain/book';
import { reconcile } from '../../../../../../shared/modules/finance/domain/reconciliation';
import { DEFAULT_SETTLEMENT_FORMATS, parseSettlementFile, resultFile, writeSettlementFile } from '../../../../../../shared/modules/finance/settlement-file';

const entry = (reference: string, amount: number, at: string, provider = 'vnpay', transactionId?: string): BookEntry => ({
  entryId: `col_${reference}`, kind: 'collection', provider, agencyCode: 'HP-STP', reference, amount, at, bookDate: bookingDate(provider, new Date(at)),
  ...(transactionId ? { transactionId } : {}), byFeeKind: { fee: amount },
});
const vnpay = DEFAULT_SETTLEMENT_FORMATS.vnpay!;
const file = (lines: { reference: string; transactionId: string; amount: number; at: string }[]) =>
  parseSettlementFile(writeSettlementFile(lines.map((l) => ({ ...l, at: new Date(l.at) })), vnpay), vnpay);

describe('Function: reconcile', () => {
  it('matches the one line of a payment of several dossiers with its per-dossier collections, for their sum', () => {
    const share = (dossierNo: string, amount: number): BookEntry => ({ ...entry('P1', amount, '2026-03-02T03:00:00Z', 'vnpay', 'T1'), entryId: `col_pay_1_${dossierNo}`, paymentId: 'pay_1', dossierNo });
    const line = file([{ reference: 'P1', transactionId: 'T1', amount: 65_000, at: '2026-03-02T03:00:00Z' }]);
    const both = reconcile(line, [share('A', 50_000), share('B', 15_000)]);
    expect(both.counts).toEqual({ matched: 1, amount_difference: 0, missing_ours: 0, missing_theirs: 0 });
    expect(both.matchedTotal).toBe(65_000);
    // A dossier's collection not booked (yet) shows as a difference of that one line, not as two rows.
    expect(reconcile(line, [share('A', 50_000)]).rows.map((r) => [r.result, r.ourAmount, r.theirAmount])).toEqual([['amount_difference', 50_000, 65_000]]);
  });

  it('matches one-to-one by reference and amount', () => {
    const out = reconcile(file([{ reference: 'A1', transactionId: 'T1', amount: 50_000, at: '2026-03-02T03:00:00Z' }]), [entry('A1', 50_000, '2026-03-02T03:00:00Z')]);
    expect(out.counts).toEqual({ matched: 1, amount_difference: 0, missing_ours: 0, missing_theirs: 0 });
    expect(out.matchedTotal).toBe(50_000);
  });

  it('names a line we have no record of (missing ours), an entry they do not report (missing theirs) and an amount difference', () => {
    const out = reconcile(
      file([
        { reference: 'A1', transactionId: 'T1', amount: 50_000, at: '2026-03-02T03:00:00Z' },
        { reference: 'X9', transactionId: 'T9', amount: 70_000, at: '2026-03-02T04:00:00Z' },
        { reference: 'B2', transactionId: 'T2', amount: 30_000, at: '2026-03-02T05:00:00Z' },
      ]),
      [entry('A1', 50_000, '2026-03-02T03:00:00Z'), entry('B2', 35_000, '2026-03-02T05:00:00Z'), entry('C3', 10_000, '2026-03-02T06:00:00Z')],
    );
    expect(out.rows.map((r) => [r.reference, r.result, r.ourAmount, r.theirAmount])).toEqual([
      ['A1', 'matched', 50_000, 50_000],
      ['X9', 'missing_ours', undefined, 70_000],
      ['B2', 'amount_difference', 35_000, 30_000],
      ['C3', 'missing_theirs', 10_000, undefined],
    ]);
  });

  it('uses an entry once: the same reference twice in the file is one match and one line we cannot account for', () => {
    const line = { reference: 'A1', transactionId: 'T1', amount: 50_000, at: '2026-03-02T03:00:00Z' };
    const out = reconcile(file([line, { ...line, transactionId: 'T1b' }]), [entry('A1', 50_000, '2026-03-02T03:00:00Z')]);
    expect(out.counts).toMatchObject({ matched: 1, missing_ours: 1 });
  });

  it('writes a result file with a verdict per reference and the matched total (×100 for VNPay)', () => {
    const out = reconcile(file([{ reference: 'A1', transactionId: 'T1', amount: 50_000, at: '2026-03-02T03:00:00Z' }]), [entry('A1', 50_000, '2026-03-02T03:00:00Z')]);
    expect(resultFile('vnpay', '2026-03-02', out, vnpay).split('\n')).toEqual([
      'Provider,Date,TxnRef,TransactionNo,MerchantAmount,ProviderAmount,Result',
      'vnpay,2026-03-02,A1,T1,5000000,5000000,MATCHED',
      'TOTAL,2026-03-02,,,5000000,,MATCHED=1',
      '',
    ]);
  });
});

describe('Function: bookingDate', () => {
  it.each([
    ['vietqr', '2026-03-02T16:30:00Z', '2026-03-03'], // 23:30 in Viet Nam: the bank books it on the next day
    ['vietqr', '2026-03-02T15:00:00Z', '2026-03-03'], // 22:00 exactly
    ['vietqr', '2026-03-02T14:59:59Z', '2026-03-02'], // 21:59:59
    ['vietqr', '2026-03-02T21:30:00Z', '2026-03-03'], // 04:30 on the 3rd is the 3rd already
    ['vnpay', '2026-03-02T16:30:00Z', '2026-03-02'], // a gateway's day T is 00:00–23:59:59
  ])('%s at %s is booked on %s', (provider, at, day) => {
    expect(bookingDate(provider, new Date(at))).toBe(day);
  });
});

describe('Function: parseSettlementFile', () => {
  it('refuses the whole file, naming each bad line and column', () => {
    const text = 'TxnRef,TransactionNo,Amount,PayDate\nA1,T1,5000050,20260302100000\n,T2,1x0,2026-03-02\n';
    expect(() => parseSettlementFile(text, vnpay)).toThrow(expect.objectContaining({
      details: [
        { path: 'line 1.Amount', message: 'not a positive whole amount' },
        { path: 'line 2.PayDate', message: 'not a yyyyMMddHHmmss time' },
        { path: 'line 2.Amount', message: 'not a positive whole amount' },
        { path: 'line 2.TxnRef', message: 'empty' },
      ],
    }));
  });

  it('reads configured columns in any order, quoted fields included', () => {
    const format = { delimiter: ';', columns: { reference: 'Memo', transactionId: 'Id', amount: 'Credit', time: 'When' }, amountTimes100: false };
    expect(parseSettlementFile('When;Credit;Memo;Id\n20260302233000;120000;"TT ""A1""";B77\n', format)).toEqual([
      { line: 1, reference: 'TT "A1"', transactionId: 'B77', amount: 120_000, at: '2026-03-02T16:30:00.000Z', raw: { When: '20260302233000', Credit: '120000', Memo: 'TT "A1"', Id: 'B77' } },
    ]);
  });
});
