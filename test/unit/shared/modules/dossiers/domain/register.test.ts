import { describe, expect, it } from 'vitest';
import { checkSubmittedAt } from '../../../../../../shared/modules/dossiers/domain/register';
import { InvalidInputError } from '../../../../../../shared/platform/kernel/errors';

const NOW = new Date('2026-11-30T08:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

function problemOf(submittedAt: string, maxAgeDays = 30) {
  try {
    checkSubmittedAt(submittedAt, NOW, { maxAgeDays, maxClockSkewMs: 5 * 60 * 1000 });
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).details;
  }
}

describe('Function: checkSubmittedAt', () => {
  it.each([
    ['in 2099', '2099-01-01T00:00:00Z', 'must not be in the future'],
    ['6 minutes ahead', ago(-6 * 60 * 1000), 'must not be in the future'],
    ['a year ago', ago(365 * DAY), 'must be within the last 30 days'],
    ['31 days ago', ago(31 * DAY), 'must be within the last 30 days'],
    ['with an offset, 31 days ago', '2026-10-30T14:00:00+07:00', 'must be within the last 30 days'],
  ])('refuses a submission %s, naming submittedAt', (_case, submittedAt, message) => {
    expect(problemOf(submittedAt)).toEqual([{ path: 'submittedAt', message: expect.stringContaining(message) }]);
  });

  it.each([
    ['10 days ago', ago(10 * DAY)],
    ['exactly 30 days ago', ago(30 * DAY)],
    ['now', NOW.toISOString()],
    ['4 minutes ahead (clock skew)', ago(-4 * 60 * 1000)],
  ])('accepts a submission %s', (_case, submittedAt) => {
    expect(problemOf(submittedAt)).toBeUndefined();
  });

  it('follows the configured number of days', () => {
    expect(problemOf(ago(40 * DAY), 45)).toBeUndefined();
    expect(problemOf(ago(8 * DAY), 7)).toEqual([{ path: 'submittedAt', message: 'must be within the last 7 days' }]);
  });
});
