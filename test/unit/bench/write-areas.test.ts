import { describe, expect, it } from 'vitest';
import { writeAreaOf, writesByArea } from '../../../bench/write-areas';

describe('Function: writesByArea', () => {
  it('sums the lifecycle meter tallies by the area of the written item, largest first', () => {
    // Prepare: the meter's keys are `<how> <pk family>/<sk family>`
    const tallies = new Map([
      ['tx.Put DOSSIER/DOSSIER', 3],
      ['tx.Put DOSSIER/LISTING', 6],
      ['tx.Update KPI/AG-1', 4],
      ['tx.Put DOSSIER/PAYMENT_LOCK', 1],
      ['tx.Put PAYMENT/LEDGER', 2],
      ['Put NPSYNC/STATE', 8],
      ['Update ZALO/TOKENS', 2],
      ['Put NOTICE/NOTICE', 8],
    ]);

    // Act
    const areas = writesByArea(tallies);

    // Assess
    expect(areas).toEqual([
      ['dossier', 13],
      ['notifications', 10],
      ['national-portal', 8],
      ['payment', 3],
    ]);
  });

  it('names a family it does not know instead of hiding it in an area', () => {
    expect(writeAreaOf('NEWTHING', 'X')).toBe('other (NEWTHING)');
  });
});
