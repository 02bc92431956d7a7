import { describe, expect, it } from 'vitest';
import { integerEnv, listEnv, submittedAtMaxAgeDays } from '../../../../../shared/platform/config/env';

describe('Function: submittedAtMaxAgeDays', () => {
  it('is 30 days unless SUBMITTED_AT_MAX_AGE_DAYS says otherwise', () => {
    expect(submittedAtMaxAgeDays({ SUBMITTED_AT_MAX_AGE_DAYS: '' })).toBe(30);
    expect(submittedAtMaxAgeDays({ SUBMITTED_AT_MAX_AGE_DAYS: '45' })).toBe(45);
  });

  it.each(['0', '-3', '2.5', 'thirty', '1e3'])('refuses %s naming the variable', (value) => {
    expect(() => submittedAtMaxAgeDays({ SUBMITTED_AT_MAX_AGE_DAYS: value })).toThrow(/SUBMITTED_AT_MAX_AGE_DAYS must be a whole number of at least 1/);
  });

  it('accepts zero where the minimum allows it', () => {
    expect(integerEnv('SOME_COUNT', 5, 0, { SOME_COUNT: '0' })).toBe(0);
  });

  it('reads only the values it is given, never the process environment', () => {
    process.env.SUBMITTED_AT_MAX_AGE_DAYS = '7';
    try {
      expect(submittedAtMaxAgeDays({})).toBe(30);
    } finally {
      delete process.env.SUBMITTED_AT_MAX_AGE_DAYS;
    }
  });
});

describe('Function: listEnv', () => {
  it('splits on commas and drops blanks', () => {
    expect(listEnv('ORIGINS', { ORIGINS: ' https://a.vn , ,https://b.vn' })).toEqual(['https://a.vn', 'https://b.vn']);
    expect(listEnv('ORIGINS', {}, 'x,y')).toEqual(['x', 'y']);
  });
});
