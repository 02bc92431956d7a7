/**
 * Cold import of each Lambda bundle against the baseline bundle, robust to a busy machine:
 *   npx tsx bench/cold-import.ts [--rounds N] [Function ...]           ratios per function (all functions when none named)
 *   npx tsx bench/cold-import.ts --profile <Function>                  where its import time goes, by source file
 * Every import is a fresh Node process (what a cold start pays for code). Rounds alternate the baseline
 * and each handler back to back, so both see the same load; a function's ratio is the median of its
 * per-pair ratios, and beside it the ratio of the fastest imports of each (the least disturbed ones).
 * `--profile` builds the bundle unminified (esbuild marks each source file with a `// path` comment),
 * imports it under `node --cpu-prof` several times and adds up the samples by the file their line is in.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Functions } from '../shared/app/functions';
import { LAMBDA_ESBUILD_OPTIONS } from '../infra/bundling';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args.splice(at, 2)[1];
};
const rounds = Number(option('--rounds') ?? 9);
const profiled = option('--profile');
const BASELINE = { contents: "export { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n" };
const ENV = { ...process.env, TABLE_NAME: 'bench', AWS_REGION: 'ap-southeast-1', POWERTOOLS_LOG_LEVEL: 'SILENT' };

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const dir = mkdtempSync(join(tmpdir(), 'toantrinh-cold-'));

async function bundle(entry: string | { contents: string }, outfile: string, minify = true): Promise<string> {
  const source = typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: { ...entry, resolveDir: process.cwd(), loader: 'js' as const } };
  await build({ ...LAMBDA_ESBUILD_OPTIONS, ...source, minify, outfile, logLevel: 'silent' });
  return outfile;
}

function importMs(file: string, nodeArgs: string[] = []): number {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t));`;
  const out = spawnSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', script], { encoding: 'utf8', env: ENV });
  if (out.status !== 0) throw new Error(`import of ${file} failed: ${out.stderr}`);
  return Number(out.stdout);
}

async function ratios(names: readonly string[]) {
  const baseline = await bundle(BASELINE, join(dir, 'baseline.mjs'));
  const files = new Map<string, string>();
  for (const name of names) files.set(name, await bundle(Functions.find((fn) => fn.name === name)!.entry, join(dir, `${name}.mjs`)));
  const times = new Map(names.map((name) => [name, { handler: [] as number[], baseline: [] as number[] }]));
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      // Which goes first alternates, so neither side always follows the other's page cache and JIT warm-up.
      const t = times.get(name)!;
      if (round % 2 === 0) {
        t.baseline.push(importMs(baseline));
        t.handler.push(importMs(files.get(name)!));
      } else {
        t.handler.push(importMs(files.get(name)!));
        t.baseline.push(importMs(baseline));
      }
    }
    process.stderr.write(`round ${round + 1}/${rounds}\r`);
  }
  const allBaseline = [...times.values()].flatMap((t) => t.baseline);
  console.log(`baseline: median ${median(allBaseline).toFixed(1)} ms, fastest ${Math.min(...allBaseline).toFixed(1)} ms over ${allBaseline.length} imports`);
  console.log('function'.padEnd(28), 'median ms', ' paired ratio', ' fastest ms', ' fastest ratio');
  for (const [name, t] of times) {
    const paired = median(t.handler.map((ms, i) => ms / t.baseline[i]!));
    const fastest = Math.min(...t.handler) / Math.min(...allBaseline);
    console.log(name.padEnd(28), median(t.handler).toFixed(1).padStart(9), paired.toFixed(2).padStart(13), Math.min(...t.handler).toFixed(1).padStart(11), fastest.toFixed(2).padStart(14));
  }
}

/** Self time by bundled source file (esbuild's unminified output starts each file's code with `// path`). */
async function profile(name: string) {
  const file = await bundle(Functions.find((fn) => fn.name === name)!.entry, join(dir, `${name}.mjs`), false);
  const lines = readFileSync(file, 'utf8').split('\n');
  const fileAt: string[] = [];
  let current = '(banner)';
  lines.forEach((line, i) => {
    const marker = /^\/\/ ((node_modules\/)?\S+\.(m?[jt]s|json|cjs))$/.exec(line);
    if (marker) current = marker[1]!.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1');
    fileAt[i] = current;
  });
  const selfMs = new Map<string, number>();
  const runs = 15;
  const profiles = join(dir, 'profiles');
  for (let i = 0; i < runs; i++) importMs(file, ['--cpu-prof', '--cpu-prof-interval', '100', `--cpu-prof-dir=${profiles}`]);
  for (const profileFile of readdirSync(profiles)) {
    const cpu = JSON.parse(readFileSync(join(profiles, profileFile), 'utf8')) as {
      nodes: { id: number; callFrame: { url: string; lineNumber: number; functionName: string } }[];
      samples: number[];
      timeDeltas: number[];
    };
    const byId = new Map(cpu.nodes.map((node) => [node.id, node]));
    cpu.samples.forEach((id, i) => {
      const frame = byId.get(id)!.callFrame;
      const where = frame.url.endsWith(`${name}.mjs`) ? fileAt[frame.lineNumber] ?? '?' : frame.url ? frame.url.replace(/^node:/, 'node:') : `(${frame.functionName || 'vm'})`;
      selfMs.set(where, (selfMs.get(where) ?? 0) + cpu.timeDeltas[i]! / 1000 / runs);
    });
  }
  const ours = [...selfMs].filter(([where]) => !/^\((idle|program|garbage collector)\)$/.test(where));
  console.log(`${name}: self ms per import (mean of ${runs}, 0.1 ms sampling), top 30; total in bundle ${ours.filter(([w]) => !w.startsWith('node:') && !w.startsWith('(')).reduce((s, [, ms]) => s + ms, 0).toFixed(1)} ms`);
  for (const [where, ms] of ours.sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log('  ', where.padEnd(80), ms.toFixed(2));
}

try {
  if (profiled) await profile(profiled);
  else await ratios(args.length ? args : Functions.map((fn) => fn.name));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
