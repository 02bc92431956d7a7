import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { Functions } from '../shared/app/functions';
import { LAMBDA_ESBUILD_OPTIONS } from '../infra/bundling';
import { fromRepoRoot } from '../infra/paths';

export interface BundleMeasure {
  readonly name: string;
  /** The JS bundle: what a cold start parses, and what the bundle ratio counts. */
  readonly bytes: number;
  readonly coldImportMs: number;
  /**
   * Files shipped beside the bundle (the definition's `files`, e.g. Redoc's script for /docs): in the
   * code asset but read only by the request that needs them, so they stay out of the ratio; printed
   * next to it so that nothing the function ships is hidden.
   */
  readonly besideBytes: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Bundles an entry the way the CDK stack does and returns the output size from the metafile. */
async function bundle(entry: string | { contents: string }, outfile: string): Promise<number> {
  const source = typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: { contents: entry.contents, resolveDir: process.cwd(), loader: 'js' as const } };
  const result = await build({ ...LAMBDA_ESBUILD_OPTIONS, ...source, outfile, metafile: true, logLevel: 'silent' });
  return Object.entries(result.metafile.outputs).reduce((sum, [file, o]) => (file.endsWith('.map') ? sum : sum + o.bytes), 0);
}

/**
 * CPU time (user + system, process.cpuUsage) a fresh Node process spends importing the bundle: what
 * a cold start pays for code. Not wall time: on a busy machine most of that is waiting for a core
 * another process holds, which made ratios swing by ±0.3 between runs (bench/cold-import.ts shows both).
 */
function coldImportCpuMs(file: string): number {
  const script = `const c=process.cpuUsage();await import(${JSON.stringify(file)});const u=process.cpuUsage(c);process.stdout.write(String((u.user+u.system)/1000));`;
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: { ...process.env, TABLE_NAME: 'bench', AWS_REGION: 'ap-southeast-1', POWERTOOLS_LOG_LEVEL: 'SILENT' },
  });
  if (out.status !== 0) throw new Error(`import of ${file} failed: ${out.stderr}`);
  return Number(out.stdout);
}

export async function measureBundles(runs = 7): Promise<{ baseline: BundleMeasure; handlers: BundleMeasure[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'toantrinh-bench-'));
  try {
    const baselineEntry = { contents: "export { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n" };
    const baselineFile = join(mkdtempSync(join(dir, 'baseline-')), 'index.mjs');
    const baselineBytes = await bundle(baselineEntry, baselineFile);
    // The baseline is imported beside every handler import (order alternating). The load changes
    // during the run, so a handler's ratio is taken to the baseline imports of its own seconds, and its
    // time reported at the run's median baseline: ratio × baseline.
    const measured: { measure: Omit<BundleMeasure, 'coldImportMs'>; times: number[]; baselineTimes: number[] }[] = [];
    for (const fn of Functions) {
      // Each bundle in its own folder with its files beside it, as in its code asset.
      const outfile = join(mkdtempSync(join(dir, `${fn.name}-`)), 'index.mjs');
      const bytes = await bundle(fn.entry, outfile);
      let besideBytes = 0;
      for (const file of fn.files ?? []) {
        copyFileSync(fromRepoRoot(file), join(outfile, '..', basename(file)));
        besideBytes += statSync(fromRepoRoot(file)).size;
      }
      const times: number[] = [];
      const baselineTimes: number[] = [];
      for (let i = 0; i < runs; i++) {
        if (i % 2 === 0) baselineTimes.push(coldImportCpuMs(baselineFile));
        times.push(coldImportCpuMs(outfile));
        if (i % 2 === 1) baselineTimes.push(coldImportCpuMs(baselineFile));
      }
      measured.push({ measure: { name: fn.name, bytes, besideBytes }, times, baselineTimes });
    }
    const baselineMs = median(measured.flatMap((m) => m.baselineTimes));
    return {
      baseline: { name: 'baseline', bytes: baselineBytes, coldImportMs: baselineMs, besideBytes: 0 },
      handlers: measured.map((m) => ({ ...m.measure, coldImportMs: (median(m.times) / median(m.baselineTimes)) * baselineMs })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
