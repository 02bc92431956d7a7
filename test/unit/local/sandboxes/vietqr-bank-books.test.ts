import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bankBookingDate, VietqrBankBooks } from '../../../../local/sandboxes/vietqr-bank-books';
import { transferInstant } from '../../../../local/sandboxes/vietqr-sandbox';
import { bookingDate } from '../../../../shared/modules/finance/domain/book';
import { DEFAULT_SETTLEMENT_FORMATS, parseSettlementFile } from '../../../../shared/modules/finance/settlement-file';

const format = DEFAULT_SETTLEMENT_FORMATS.vietqr!;

describe('Function: bankBookingDate', () => {
  it.each([
    ['21:59:59 on the 2nd', '2026-03-02T14:59:59Z', '2026-03-02'],
    ['22:00 on the 2nd', '2026-03-02T15:00:00Z', '2026-03-03'],
    ['23:30 on the 2nd', '2026-03-02T16:30:00Z', '2026-03-03'],
    ['00:30 on the 3rd', '2026-03-02T17:30:00Z', '2026-03-03'],
    ['04:59 on the 3rd', '2026-03-02T21:59:00Z', '2026-03-03'],
    ['05:00 on the 3rd', '2026-03-02T22:00:00Z', '2026-03-03'],
    ['23:30 on 31 December', '2026-12-31T16:30:00Z', '2027-01-01'],
  ])('books a transfer made at %s (Viet Nam time) on %s', (_when, at, day) => {
    expect(bankBookingDate(new Date(at))).toBe(day);
  });

  it('agrees with the booking date finance gives vietqr entries, at every instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }), (at) => {
        expect(bankBookingDate(at)).toBe(bookingDate('vietqr', at));
      }),
    );
  });
});

describe('Class: VietqrBankBooks', () => {
  const books = new VietqrBankBooks();
  // Booking day 2026-03-02: 22:15 the evening before, then 09:00, 10:00 and 11:00; 23:30 goes to the 3rd.
  books.record({ reference: 'TTLATE', amount: 5_000, transactionId: 'FT5', at: new Date('2026-03-02T16:30:00Z') });
  books.record({ reference: 'TTB', amount: 5_000, transactionId: 'FT2', at: new Date('2026-03-02T03:00:00Z') });
  books.record({ reference: 'TTA', amount: 5_000, transactionId: 'FT1', at: new Date('2026-03-02T02:00:00Z') });
  books.record({ reference: 'TTEVE', amount: 7_000, transactionId: 'FT0', at: new Date('2026-03-01T15:15:00Z') });
  books.record({ reference: 'TTC', amount: 6_000, transactionId: 'FT3', at: new Date('2026-03-02T04:00:00Z') });
  const read = (day: string, plants: Parameters<VietqrBankBooks['statement']>[1] = []) =>
    parseSettlementFile(books.statement(day, plants), format).map((l) => [l.reference, l.transactionId, l.amount, l.at]);

  it('states the transfers of the booking day, oldest first, in the format the bank-statement adapter reads', () => {
    expect(read('2026-03-02')).toEqual([
      ['TTEVE', 'FT0', 7_000, '2026-03-01T15:15:00.000Z'],
      ['TTA', 'FT1', 5_000, '2026-03-02T02:00:00.000Z'],
      ['TTB', 'FT2', 5_000, '2026-03-02T03:00:00.000Z'],
      ['TTC', 'FT3', 6_000, '2026-03-02T04:00:00.000Z'],
    ]);
    expect(read('2026-03-03')).toEqual([['TTLATE', 'FT5', 5_000, '2026-03-02T16:30:00.000Z']]);
    expect(books.statement('2026-03-04', [])).toBe('Description,TransactionId,Amount,TransactionTime\n');
  });

  it('plants a missing line, an amount 1 000 VND short and a transfer nobody booked, on demand', () => {
    expect(read('2026-03-02', ['missing', 'amount', 'extra'])).toEqual([
      ['TTA', 'FT1', 4_000, '2026-03-02T02:00:00.000Z'],
      ['TTB', 'FT2', 5_000, '2026-03-02T03:00:00.000Z'],
      ['TTC', 'FT3', 6_000, '2026-03-02T04:00:00.000Z'],
      ['SANDBOX-EXTRA-20260302', 'FT2026030299999', 10_000, '2026-03-02T03:00:00.000Z'],
    ]);
    expect(read('2026-03-02', ['amount']).map((l) => l[2])).toEqual([6_000, 5_000, 5_000, 6_000]);
  });
});

describe('Function: transferInstant', () => {
  const now = new Date('2026-03-02T05:00:00Z');

  it.each([
    [undefined, now.toISOString()],
    ['', now.toISOString()],
    ['2026-03-01T23:30', '2026-03-01T16:30:00.000Z'],
    ['2026-03-01T23:30:15', '2026-03-01T16:30:15.000Z'],
    ['2026-03-01T16:30:00Z', '2026-03-01T16:30:00.000Z'],
    ['2026-03-01T23:30:00+07:00', '2026-03-01T16:30:00.000Z'],
  ])('reads %s as %s (no zone: Viet Nam time)', (value, expected) => {
    expect(transferInstant(value, now)?.toISOString()).toBe(expected);
  });

  it.each(['yesterday', '2026-13-01T10:00', '1700000000'])('refuses %s', (value) => {
    expect(transferInstant(value, now)).toBeUndefined();
  });
});
