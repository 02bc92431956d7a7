/**
 * Cold import of each Lambda bundle against the baseline bundle, robust to a busy machine:
 *   npx tsx bench/cold-import.ts [--rounds N] [--json F] [Function ...] ratios per function (all functions when none named)
 *   npx tsx bench/cold-import.ts --profile <Function | baseline>       where its import time goes, by source file
 * Every import is a fresh Node process (what a cold start pays for code). Rounds alternate the baseline
 * and each handler back to back, so both see the same load: a function's wall ratio is the median of
 * its per-pair ratios. Beside it, the ratio of the medians of CPU time (process.cpuUsage around the
 * import), which waits for a core held by another process do not inflate: the figure to trust when
 * the machine is busy.
 * `--profile` times the evaluation of each bundled source file's top level (see `profile`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const json = option('--json');
/** Another checkout of the repository (e.g. `git archive <commit> | tar -x -C dir`, node_modules linked): its bundles are imported in the same rounds, for a before/after. */
const against = option('--against');
const BASELINE = { contents: "export { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n" };
const ENV = { ...process.env, TABLE_NAME: 'bench', AWS_REGION: 'ap-southeast-1', POWERTOOLS_LOG_LEVEL: 'SILENT' };

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const dir = mkdtempSync(join(tmpdir(), 'toantrinh-cold-'));

async function bundle(entry: string | { contents: string }, outfile: string, minify = true): Promise<string> {
  const source = typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: { ...entry, resolveDir: process.cwd(), loader: 'js' as const } };
  await build({ ...LAMBDA_ESBUILD_OPTIONS, ...source, minify, outfile, logLevel: 'silent' });
  return outfile;
}

/**
 * One fresh import: its wall time, and the CPU time the process spent on it (user + system, all its
 * threads). The CPU time leaves out the waits for a core that other processes hold, which on a busy
 * machine are most of the noise in the wall time.
 */
function importOnce(file: string, nodeArgs: string[] = []): { wallMs: number; cpuMs: number } {
  const script = `const c=process.cpuUsage(),t=performance.now();await import(${JSON.stringify(file)});const w=performance.now()-t,u=process.cpuUsage(c);process.stdout.write(JSON.stringify({wallMs:w,cpuMs:(u.user+u.system)/1000}));`;
  const out = spawnSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', script], { encoding: 'utf8', env: ENV });
  if (out.status !== 0) throw new Error(`import of ${file} failed: ${out.stderr}`);
  return JSON.parse(out.stdout) as { wallMs: number; cpuMs: number };
}

async function ratios(names: readonly string[]) {
  const baseline = await bundle(BASELINE, join(dir, 'baseline.mjs'));
  const files = new Map<string, string>();
  const before = new Map<string, string>();
  for (const name of names) {
    const entry = Functions.find((fn) => fn.name === name)!.entry;
    files.set(name, await bundle(entry, join(dir, `${name}.mjs`)));
    if (against) before.set(name, await bundle(join(against, entry), join(dir, `${name}.before.mjs`)));
  }
  type Times = { wall: number[]; cpu: number[] };
  const times = new Map(names.map((name) => [name, { handler: { wall: [], cpu: [] } as Times, baseline: { wall: [], cpu: [] } as Times, before: { wall: [], cpu: [] } as Times }]));
  const record = (into: Times, file: string) => {
    const { wallMs, cpuMs } = importOnce(file);
    into.wall.push(wallMs);
    into.cpu.push(cpuMs);
  };
  for (let round = 0; round < rounds; round++) {
    for (const name of names) {
      // Which goes first alternates, so neither side always follows the other's page cache and JIT warm-up.
      const t = times.get(name)!;
      if (round % 2 === 0) {
        record(t.baseline, baseline);
        record(t.handler, files.get(name)!);
        if (against) record(t.before, before.get(name)!);
      } else {
        if (against) record(t.before, before.get(name)!);
        record(t.handler, files.get(name)!);
        record(t.baseline, baseline);
      }
    }
    process.stderr.write(`round ${round + 1}/${rounds}\r`);
  }
  const all = (key: keyof Times) => [...times.values()].flatMap((t) => t.baseline[key]);
  const baselineCpu = median(all('cpu'));
  console.log(`baseline: wall median ${median(all('wall')).toFixed(1)} ms, CPU median ${baselineCpu.toFixed(1)} ms over ${all('wall').length} imports`);
  console.log('function'.padEnd(28), 'wall ms', 'paired wall ratio', 'CPU ms', 'CPU ratio', ...(against ? ['CPU ms before', 'after/before'] : []));
  const lines = [...times].map(([name, t]) => ({
    name,
    wallMs: median(t.handler.wall),
    pairedWallRatio: median(t.handler.wall.map((ms, i) => ms / t.baseline.wall[i]!)),
    cpuMs: median(t.handler.cpu),
    cpuRatio: median(t.handler.cpu) / baselineCpu,
    ...(against ? { cpuMsBefore: median(t.before.cpu), cpuRatioBefore: median(t.before.cpu) / baselineCpu, afterOverBefore: median(t.handler.cpu.map((ms, i) => ms / t.before.cpu[i]!)) } : {}),
  }));
  for (const l of lines) {
    const compared = l.cpuMsBefore === undefined ? [] : [l.cpuMsBefore.toFixed(1).padStart(13), l.afterOverBefore!.toFixed(3).padStart(12)];
    console.log(l.name.padEnd(28), l.wallMs.toFixed(1).padStart(7), l.pairedWallRatio.toFixed(2).padStart(17), l.cpuMs.toFixed(1).padStart(6), l.cpuRatio.toFixed(2).padStart(9), ...compared);
  }
  if (json) writeFileSync(json, JSON.stringify({ baseline: { wallMs: median(all('wall')), cpuMs: baselineCpu }, functions: lines }, null, 2));
}

/**
 * Where a handler's import goes: the bundle is built unminified (esbuild starts each source file's
 * top-level code with a `// path` comment), a timestamp is taken at each of those lines, and the time
 * until the next is the evaluation of that file's top level (with what it calls: zod building a schema
 * counts for the schema's file). Mean over several fresh imports; the rest of the import is parsing,
 * compiling and linking the bundle.
 */
async function profile(name: string) {
  const entry = name === 'baseline' ? BASELINE : Functions.find((fn) => fn.name === name)!.entry;
  const file = await bundle(entry, join(dir, `${name}.mjs`), false);
  const marked = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => (/^\/\/ (\S+\.(m?[jt]s|json|cjs))$/.test(line) ? `${line}\n__evaluating(${JSON.stringify(line.slice(3))});` : line))
    .join('\n');
  writeFileSync(file, `${marked}\n__evaluating('(end)');\n`);
  const runs = Number(process.env.RUNS ?? 21);
  const script = `const ms={};let at='(bundle start)',since=performance.now();
globalThis.__evaluating=(file)=>{const now=performance.now();ms[at]=(ms[at]??0)+now-since;at=file;since=now;};
const t=performance.now();await import(${JSON.stringify(file)});process.stdout.write(JSON.stringify({total:performance.now()-t,ms}));`;
  // Medians per file over the runs: a run slowed by the machine's other work moves them little.
  const runsByFile = new Map<string, number[]>();
  const totals: number[] = [];
  for (let i = 0; i < runs; i++) {
    const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: ENV });
    if (out.status !== 0) throw new Error(`import of ${file} failed: ${out.stderr}`);
    const run = JSON.parse(out.stdout) as { total: number; ms: Record<string, number> };
    totals.push(run.total);
    for (const [path, ms] of Object.entries(run.ms)) runsByFile.set(path, [...(runsByFile.get(path) ?? []), ms]);
  }
  const total = median(totals);
  const byFile = new Map([...runsByFile].map(([path, ms]) => [path, median(ms)]));
  const evaluation = [...byFile].filter(([path]) => path !== '(bundle start)').reduce((sum, [, ms]) => sum + ms, 0);
  const packageOf = (path: string) => (path.includes('node_modules') ? path.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1') : path);
  const byPackage = new Map<string, number>();
  for (const [path, ms] of byFile) byPackage.set(packageOf(path), (byPackage.get(packageOf(path)) ?? 0) + ms);
  console.log(`${name} (unminified): import ${total.toFixed(1)} ms, of which top-level evaluation ${evaluation.toFixed(1)} ms after parsing and linking (medians of ${runs})`);
  console.log(' by package or file:');
  for (const [path, ms] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25))) console.log('  ', path.padEnd(72), ms.toFixed(2));
}

try {
  if (profiled) await profile(profiled);
  else await ratios(args.length ? args : Functions.map((fn) => fn.name));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
