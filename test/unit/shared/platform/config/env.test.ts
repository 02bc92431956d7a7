import { afterEach, describe, expect, it, vi } from 'vitest';
import { integerEnv, submittedAtMaxAgeDays } from '../../../../../shared/platform/config/env';

describe('Function: submittedAtMaxAgeDays', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is 30 days unless SUBMITTED_AT_MAX_AGE_DAYS says otherwise', () => {
    vi.stubEnv('SUBMITTED_AT_MAX_AGE_DAYS', '');
    expect(submittedAtMaxAgeDays()).toBe(30);
    vi.stubEnv('SUBMITTED_AT_MAX_AGE_DAYS', '45');
    expect(submittedAtMaxAgeDays()).toBe(45);
  });

  it.each(['0', '-3', '2.5', 'thirty', '1e3'])('refuses %s naming the variable', (value) => {
    vi.stubEnv('SUBMITTED_AT_MAX_AGE_DAYS', value);
    expect(() => submittedAtMaxAgeDays()).toThrow(/SUBMITTED_AT_MAX_AGE_DAYS must be a whole number of at least 1/);
  });

  it('accepts zero where the minimum allows it', () => {
    vi.stubEnv('SOME_COUNT', '0');
    expect(integerEnv('SOME_COUNT', 5, 0)).toBe(0);
  });
});
