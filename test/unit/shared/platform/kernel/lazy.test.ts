import { describe, expect, it } from 'vitest';
import { lazily } from '../../../../../shared/platform/kernel/lazy';

describe('lazily', () => {
  it('builds nothing until first asked, then once, and answers the same value every time', () => {
    // Prepare
    let builds = 0;
    const value = lazily(() => ({ built: ++builds }));

    // Act, Assess
    expect(builds).toBe(0);
    const first = value();
    expect(value()).toBe(first);
    expect(first).toEqual({ built: 1 });
    expect(builds).toBe(1);
  });

  it('keeps a built undefined, and tries a build that threw again', () => {
    // Prepare
    let calls = 0;
    const nothing = lazily(() => {
      calls++;
      return undefined;
    });
    let attempts = 0;
    const flaky = lazily(() => {
      if (++attempts === 1) throw new Error('not yet');
      return attempts;
    });

    // Act, Assess
    nothing();
    nothing();
    expect(calls).toBe(1);
    expect(() => flaky()).toThrow('not yet');
    expect(flaky()).toBe(2);
    expect(flaky()).toBe(2);
  });
});
