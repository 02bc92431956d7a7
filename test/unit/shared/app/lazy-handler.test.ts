import { describe, expect, it } from 'vitest';
import { createContainer, type Container } from '../../../../shared/app/container';
import { lazyHandler } from '../../../../shared/app/lazy-handler';
import { settingsFromEnv } from '../../../../shared/app/settings';

describe('Function: lazyHandler', () => {
  it('builds nothing at import, then the container and handler once, on the first invocation', async () => {
    // Prepare
    const built: Container[] = [];
    const makeHandler = (container: Container) => {
      built.push(container);
      return async (n: number) => n * 2;
    };
    const handler = lazyHandler(makeHandler, () => createContainer(settingsFromEnv({})));

    // Act, Assess
    expect(built).toHaveLength(0);
    expect(await handler(2)).toBe(4);
    expect(await handler(3)).toBe(6);
    expect(built).toHaveLength(1);
  });

  it('tries the build again when it failed', async () => {
    // Prepare
    let attempts = 0;
    const handler = lazyHandler(
      () => async () => 'ok',
      () => {
        if (++attempts === 1) throw new Error('settings not readable');
        return createContainer(settingsFromEnv({}));
      },
    );

    // Act, Assess
    expect(() => handler()).toThrow('settings not readable');
    expect(await handler()).toBe('ok');
  });
});
