import { describe, expect, it } from 'vitest';
import { previousVietnamDay, reconcileYesterday, SettlementFilesMissingError, vietnamHour } from '../../../../../../shared/modules/finance/use-cases/scheduled-reconciliation';
import { DEFAULT_SETTLEMENT_FORMATS, writeSettlementFile } from '../../../../../../shared/modules/finance/settlement-file';
import type { SettlementFiles } from '../../../../../../shared/modules/finance/ports';
import { InMemoryFinanceStore } from '../../../../../fakes/finance-store';

/** A settlement-file source holding the files given (provider/day → text), recording what was asked. */
function files(delivered: Record<string, string>, covered = ['vnpay', 'vietqr']): SettlementFiles & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    covers: (provider) => covered.includes(provider),
    async read(provider, day) {
      asked.push(`${provider}/${day}`);
      const text = delivered[`${provider}/${day}`];
      return text === undefined ? undefined : { text, location: `mem://${provider}/${day}` };
    },
  };
}

const emptyFile = (provider: 'vnpay' | 'vietqr') => writeSettlementFile([], DEFAULT_SETTLEMENT_FORMATS[provider]!);
const run = (at: string, source: SettlementFiles, finance = new InMemoryFinanceStore(), force = false) =>
  reconcileYesterday({ finance, clock: { now: () => new Date(at) }, values: {}, files: source }, force);

describe('Function: previousVietnamDay / vietnamHour (day T at Viet Nam midnight)', () => {
  it.each([
    ['2026-03-02T16:59:59Z', '2026-03-01', 23], // 23:59:59 on the 2nd in Viet Nam: T is the 1st
    ['2026-03-02T17:00:00Z', '2026-03-02', 0], // 00:00 on the 3rd: T is the 2nd, although UTC still says the 2nd
    ['2026-03-02T23:00:00Z', '2026-03-02', 6], // 06:00 on the 3rd
    ['2026-12-31T23:30:00Z', '2026-12-31', 6], // 06:30 on 1 January 2027: T is New Year's Eve
    ['2028-02-29T23:00:00Z', '2028-02-29', 6], // leap day
    ['2026-03-01T00:00:00Z', '2026-02-28', 7], // 07:00 on 1 March: T is 28 February
  ])('at %s T is %s (Viet Nam hour %i)', (at, day, hour) => {
    expect(previousVietnamDay(new Date(at))).toBe(day);
    expect(vietnamHour(new Date(at))).toBe(hour);
  });
});

describe('Use case: reconcileYesterday (the hourly run)', () => {
  const delivered = { 'vnpay/2026-03-02': emptyFile('vnpay'), 'vietqr/2026-03-02': emptyFile('vietqr') };

  it('does nothing before 06:00 Viet Nam time, though the UTC day has not changed', async () => {
    const source = files(delivered);
    expect(await run('2026-03-02T22:59:59Z', source)).toEqual({ day: undefined, results: [], missing: [] }); // 05:59:59 on the 3rd
    expect(source.asked).toEqual([]);
  });

  it('reconciles T = yesterday in Viet Nam for each provider from 06:00, once: a later run skips a day already done', async () => {
    const finance = new InMemoryFinanceStore();
    const source = files(delivered);
    const first = await run('2026-03-02T23:00:00Z', source, finance);
    expect([first.day, first.results.map((r) => [r.provider, r.day])]).toEqual(['2026-03-02', [['vnpay', '2026-03-02'], ['vietqr', '2026-03-02']]]);
    const later = await run('2026-03-03T02:00:00Z', source, finance); // 09:00
    expect(later.results).toEqual([]);
    expect(source.asked).toEqual(['vnpay/2026-03-02', 'vietqr/2026-03-02']);
  });

  it('waits for a file that has not arrived, picks it up at a later run, and fails the run if it is still missing at 12:00', async () => {
    const finance = new InMemoryFinanceStore();
    const partial = files({ 'vnpay/2026-03-02': emptyFile('vnpay') });
    expect((await run('2026-03-02T23:10:00Z', partial, finance)).missing).toEqual(['vietqr']);
    await expect(run('2026-03-03T05:00:00Z', partial, finance)).rejects.toBeInstanceOf(SettlementFilesMissingError); // 12:00
    const arrived = files(delivered);
    const done = await run('2026-03-03T06:00:00Z', arrived, finance);
    expect(done.results.map((r) => r.provider)).toEqual(['vietqr']);
    expect(arrived.asked).toEqual(['vietqr/2026-03-02']);
  });

  it('awaits only the providers its source covers, and reconciles at once when forced (an operator\u2019s invoke)', async () => {
    const source = files(delivered, ['vnpay']);
    const forced = await run('2026-03-02T18:00:00Z', source, new InMemoryFinanceStore(), true); // 01:00 on the 3rd
    expect([forced.day, forced.results.map((r) => r.provider), forced.missing]).toEqual(['2026-03-02', ['vnpay'], []]);
  });
});
