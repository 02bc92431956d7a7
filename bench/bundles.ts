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

/** Median time for a fresh Node process to import the bundle: what a cold start pays for code. */
function coldImportMs(file: string, runs: number): number {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t));`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, TABLE_NAME: 'bench', AWS_REGION: 'ap-southeast-1', POWERTOOLS_LOG_LEVEL: 'SILENT' },
    });
    if (out.status !== 0) throw new Error(`import of ${file} failed: ${out.stderr}`);
    times.push(Number(out.stdout));
  }
  return median(times);
}

export async function measureBundles(runs = 7): Promise<{ baseline: BundleMeasure; handlers: BundleMeasure[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'toantrinh-bench-'));
  try {
    const baselineEntry = { contents: "export { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n" };
    const measure = async (name: string, entry: string | { contents: string }, files: readonly string[] = []): Promise<BundleMeasure> => {
      // Each bundle in its own folder with its files beside it, as in its code asset.
      const outfile = join(mkdtempSync(join(dir, `${name}-`)), 'index.mjs');
      const bytes = await bundle(entry, outfile);
      let besideBytes = 0;
      for (const file of files) {
        copyFileSync(fromRepoRoot(file), join(outfile, '..', basename(file)));
        besideBytes += statSync(fromRepoRoot(file)).size;
      }
      return { name, bytes, coldImportMs: coldImportMs(outfile, runs), besideBytes };
    };
    const baseline = await measure('baseline', baselineEntry);
    const handlers: BundleMeasure[] = [];
    for (const fn of Functions) handlers.push(await measure(fn.name, fn.entry, fn.files));
    return { baseline, handlers };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
