import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/** Debian's chromium, driven through playwright-core (no browser download). */
export const CHROMIUM = '/usr/bin/chromium';

/** CI always has it (.ci/run installs Debian's chromium); a developer machine without it skips visibly. */
export const browserAvailable = existsSync(CHROMIUM) || process.env.CI === 'true';

/** A headless chromium with nothing that reaches beyond this machine (no updates, sync or QUIC). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * One chromium for the enclosing describe: launched before its tests, closed after them. Call it at
 * the top of the describe; the getter answers the running browser inside the tests.
 */
export function browserForSuite(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(() => browser?.close());
  return () => {
    if (!browser) throw new Error('chromium was not launched (beforeAll failed)');
    return browser;
  };
}
