import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ChildRuntime } from '../support/child-runtime';
import { until } from '../support/emulators';

const run = promisify(execFile);

/** The lines of a banner section: from its heading to the next blank line. */
function section(log: string, heading: string): string[] {
  const lines = log.split('\n');
  const start = lines.findIndex((line) => line.startsWith(heading));
  if (start < 0) throw new Error(`no "${heading}" in:\n${log}`);
  const rest = lines.slice(start + 1);
  return rest.slice(0, rest.findIndex((line) => line.trim() === '')).filter((line) => line.startsWith('  '));
}

const BANNER_END = 'Press Ctrl-C to stop.';

/** Starts `npm start` and waits for this start's banner; returns what this start printed. */
async function startAndWaitForBanner(runtime: ChildRuntime): Promise<string> {
  const before = runtime.log.split(BANNER_END).length;
  await runtime.start(180_000);
  const log = await until(async () => runtime.log, (text) => text.split(BANNER_END).length > before);
  return log.split(BANNER_END).at(-2)!;
}

describe('npm start on an empty data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'toantrinh-banner-'));
  const runtime = new ChildRuntime(dataDir, {});
  afterAll(async () => {
    await runtime.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('tells its progress while it loads the catalogue and the units, then prints commands that work as printed', async () => {
    // Act
    const log = await startAndWaitForBanner(runtime);

    // Assess: each step, in order, with counts and seconds.
    const steps = [
      /emulators up \(\d+\.\d s\)/,
      /catalogue: loading \d+ procedures from catalogue\.json…/,
      /catalogue: \d+ procedures, \d+ agencies loaded \(\d+\.\d s\)/,
      /communes: loading 3,321 from communes-2025\.csv…/,
      /communes: 3,321 loaded \(\d+\.\d s\)/,
      /provinces: 34 loaded \(\d+\.\d s\)/,
      /\d+ HTTP functions, \d+ queue consumers, \d+ stream consumers, \d+ scheduled functions running \(\d+\.\d s in all\)/,
      /toantrinh local API: http:\/\/127\.0\.0\.1:\d+/,
    ];
    const positions = steps.map((step) => log.search(step));
    expect(positions.every((p) => p >= 0), log).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    // The quote example, pasted into a shell.
    const [quote] = section(log, 'Try a quote:');
    const quoted = JSON.parse((await run('bash', ['-c', quote!])).stdout) as { total: number };
    expect(quoted.total).toBe(5_000);

    // The registration and payment example, pasted into a shell: a dossier awaiting payment, then its payment.
    const example = section(log, 'Register a dossier');
    expect(example.join('\n')).toContain('/demo/return');
    const { stdout } = await run('bash', ['-c', example.join('\n')]);
    const [dossier, payment] = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(dossier).toMatchObject({ procedureCode: '2.000815', status: 'AWAITING_PAYMENT', amountDue: 5_000 });
    expect(payment).toMatchObject({ dossierNo: dossier!.dossierNo, amount: 5_000, status: 'pending', redirectUrl: expect.stringContaining('/sandbox/vnpay/pay?') });
  }, 240_000);

  it('says the lists are already loaded on the next start of the same folder', async () => {
    await runtime.stop();
    const log = await startAndWaitForBanner(runtime);

    expect(log).toContain('catalogue: already loaded');
    expect(log).toContain('communes: already loaded');
    expect(log).toContain('provinces: already loaded');
  }, 240_000);
});
