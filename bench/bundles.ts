import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Functions } from '../shared/app/functions';
import { LAMBDA_ESBUILD_OPTIONS } from '../infra/bundling';

export interface BundleMeasure {
  readonly name: string;
  readonly bytes: number;
  readonly coldImportMs: number;
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
    const measure = async (name: string, entry: string | { contents: string }): Promise<BundleMeasure> => {
      const outfile = join(dir, `${name}.mjs`);
      const bytes = await bundle(entry, outfile);
      return { name, bytes, coldImportMs: coldImportMs(outfile, runs) };
    };
    const baseline = await measure('baseline', baselineEntry);
    const handlers: BundleMeasure[] = [];
    for (const fn of Functions) handlers.push(await measure(fn.name, fn.entry));
    return { baseline, handlers };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
