import { describe, expect, it } from 'vitest';
import { amountInWords } from '../../../../../../shared/modules/receipts/domain/amount-in-words';
import { MAX_RECEIPT_NUMBER, nextNumbers, numberingScope, printedNumber, ReceiptNumbersExhaustedError, reserveNumbers } from '../../../../../../shared/modules/receipts/domain/numbering';
import { RECEIPT_STATUSES, ReceiptMachine } from '../../../../../../shared/modules/receipts/domain/receipt';
import { dailySummary, summaryCsv } from '../../../../../../shared/modules/receipts/domain/summary';
import type { Receipt } from '../../../../../../shared/modules/receipts/domain/receipt';

const form = { template: '01BLP0-001', seriesLetters: 'AA' };

describe('Function: amountInWords', () => {
  it.each([
    [0, 'Không đồng'],
    [5_000, 'Năm nghìn đồng'],
    [15_000, 'Mười lăm nghìn đồng'],
    [21_000, 'Hai mươi mốt nghìn đồng'],
    [24_000, 'Hai mươi tư nghìn đồng'],
    [105_000, 'Một trăm linh năm nghìn đồng'],
    [125_000, 'Một trăm hai mươi lăm nghìn đồng'],
    [1_005_000, 'Một triệu không trăm linh năm nghìn đồng'],
    [2_000_000_500, 'Hai tỷ năm trăm đồng'],
    [1_000_001_000, 'Một tỷ không trăm linh một nghìn đồng'],
    [-50_000, 'Âm năm mươi nghìn đồng'],
  ])('%i → %s', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  it('refuses a fraction of a đồng', () => {
    expect(() => amountInWords(1.5)).toThrow(RangeError);
  });
});

describe('Function: numberingScope (year rollover at Viet Nam midnight)', () => {
  it.each([
    ['2026-12-31T16:59:59.999Z', 2026, 'AA-26E', '2026-12-31'],
    ['2026-12-31T17:00:00.000Z', 2027, 'AA-27E', '2027-01-01'],
  ])('at %s the receipt is numbered in %i, series %s', (instant, year, series, date) => {
    expect(numberingScope('HP-STP', form, new Date(instant))).toEqual({ agencyCode: 'HP-STP', template: '01BLP0-001', series, year, receiptDate: date });
  });

  it('numbers follow the last one and stop at 8 digits', () => {
    const scope = numberingScope('HP-STP', form, new Date('2027-03-01T00:00:00Z'));
    expect(nextNumbers(scope, 0, 2)).toEqual([1, 2]);
    expect(nextNumbers(scope, MAX_RECEIPT_NUMBER - 1, 1)).toEqual([MAX_RECEIPT_NUMBER]);
    expect(() => nextNumbers(scope, MAX_RECEIPT_NUMBER - 1, 2)).toThrow(ReceiptNumbersExhaustedError);
    expect([printedNumber(12), printedNumber(MAX_RECEIPT_NUMBER)]).toEqual(['0000012', '99999999']);
  });

  it('reserves drafts as numbered receipts of the scope, after the last number', () => {
    const now = new Date('2027-03-01T00:00:00Z');
    const scope = numberingScope('HP-STP', form, now);
    const draft = { receiptId: 'H31.fee', fkey: 'k1', dossierNo: 'H31', agencyCode: 'HP-STP', agencyName: 'Sở', kind: 'fee', purpose: 'payment', payer: { name: 'A' }, lines: [], amount: 1, amountInWords: 'Một đồng' } as never;
    const [first, second] = reserveNumbers(scope, 41, [draft, { ...(draft as object), receiptId: 'H31.charge' } as never], now);
    expect(first).toMatchObject({ receiptId: 'H31.fee', number: 42, receiptNo: '0000042', series: scope.series, year: 2027, status: 'reserved', reservedAt: now.toISOString(), version: 1 });
    expect(second).toMatchObject({ receiptId: 'H31.charge', number: 43 });
  });
});

describe('Machine: ReceiptMachine', () => {
  it('every status is in the table; issued and failed are the terminal ones', () => {
    const used = new Set(ReceiptMachine.edges.flatMap((e) => [e.from, e.to]));
    expect(RECEIPT_STATUSES.every((s) => used.has(s))).toBe(true);
    expect(ReceiptMachine.terminalStatuses()).toEqual(['issued', 'failed']);
  });

  it('a reserved receipt (its intent recorded) goes to the outcome in one step; an outcome is final', () => {
    expect(ReceiptMachine.isAllowed('reserved', 'issued', 'Issued')).toBe(true);
    expect(ReceiptMachine.isAllowed('reserved', 'failed', 'Refused')).toBe(true);
    // Receipts written before issue 11 may be found submitted: they finish the same way.
    expect(ReceiptMachine.isAllowed('submitted', 'issued', 'FoundByKey')).toBe(true);
    expect(ReceiptMachine.isAllowed('reserved', 'failed', 'Issued')).toBe(false);
    expect(() => ReceiptMachine.assert('issued', 'failed', 'Refused')).toThrow(/receipt/);
  });
});

describe('Function: summaryCsv (01/TH-BLĐT)', () => {
  const receipt = (number: number, over: Partial<Receipt> = {}): Receipt => ({
    receiptId: `r${number}`, fkey: `k${number}`, dossierNo: 'D', agencyCode: 'HP-STP', agencyName: 'Sở Tư pháp', kind: 'fee', purpose: 'original',
    payer: { name: 'Nguyễn Văn "A"', idNumber: '001099012345' }, lines: [], amount: 50_000, amountInWords: '', template: '01BLP0-001', series: 'AA-27E',
    year: 2027, number, receiptNo: printedNumber(number), receiptDate: '2027-01-04', status: 'issued', reservedAt: '', version: 1, ...over,
  });

  it('lists every number of the day in order, failed ones with their state, and totals the issued', () => {
    const summary = dailySummary('HP-STP', 'Sở Tư pháp', '2027-01-04', [
      receipt(2, { status: 'failed', failure: { code: 'ERR:03', message: 'bad XML' } }),
      receipt(1),
      receipt(3, { amount: -20_000, purpose: 'adjustment', adjusts: { receiptId: 'r1', template: '01BLP0-001', series: 'AA-27E', receiptNo: '0000001', receiptDate: '2027-01-04', fkey: 'k1' } }),
      receipt(4, { receiptDate: '2027-01-05' }),
    ]);
    expect(summary.rows.map((r) => [r.receiptNo, r.state])).toEqual([
      ['0000001', 'Đã phát hành'],
      ['0000002', 'Lỗi: ERR:03'],
      ['0000003', 'Điều chỉnh cho số 0000001 (AA-27E)'],
    ]);
    expect([summary.issuedCount, summary.total]).toEqual([2, 30_000]);
    const lines = summaryCsv(summary).split('\r\n');
    expect(lines[1]).toBe('STT,Ký hiệu mẫu biên lai,Ký hiệu biên lai,Số biên lai,Ngày lập,Tên người nộp,Số giấy tờ người nộp,Loại,Số tiền (VNĐ),Trạng thái');
    expect(lines[2]).toBe('1,01BLP0-001,AA-27E,0000001,2027-01-04,"Nguyễn Văn ""A""",001099012345,Phí,50000,Đã phát hành');
    expect(lines[5]).toBe('Tổng,,,,,,,2 biên lai,30000,');
  });

  it('never lets a payer name run as a spreadsheet formula', () => {
    const csv = summaryCsv(dailySummary('HP-STP', 'S', '2027-01-04', [receipt(1, { payer: { name: '=HYPERLINK("x")', idNumber: '1' } })]));
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
