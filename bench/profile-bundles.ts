/**
 * What a Lambda bundle carries and why, for chasing the bundle-size goal:
 *   npx tsx bench/profile-bundles.ts                      every function's size as a ratio to the baseline
 *   npx tsx bench/profile-bundles.ts <Function>           its 25 biggest inputs (packages folded), and what it adds to the baseline
 *   npx tsx bench/profile-bundles.ts <Function> <needle>  the shortest import chain to a package or path
 * Bundles are built in memory with the stack's own esbuild settings; nothing is written.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { Functions } from '../shared/app/functions';
import { LAMBDA_ESBUILD_OPTIONS } from '../infra/bundling';
import { fromRepoRoot } from '../infra/paths';

const [functionName, needle] = process.argv.slice(2);

async function metafileOf(input: BuildOptions): Promise<Metafile> {
  // write: false keeps the output in memory; esbuild still wants an outfile to name it.
  const result = await build({ ...LAMBDA_ESBUILD_OPTIONS, ...input, outfile: join(tmpdir(), 'toantrinh-profile.mjs'), write: false, metafile: true, logLevel: 'silent' });
  return result.metafile!;
}

const onlyOutput = (metafile: Metafile) => Object.values(metafile.outputs)[0]!;
const packageOf = (path: string) => (path.includes('node_modules') ? path.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1') : path);

const baselineOutput = onlyOutput(await metafileOf({ stdin: { contents: "export { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n", resolveDir: process.cwd(), loader: 'js' } }));
const baseline = baselineOutput.bytes;

function bytesByPackage(output: Metafile['outputs'][string]): Record<string, number> {
  const bytes: Record<string, number> = {};
  for (const [path, input] of Object.entries(output.inputs)) bytes[packageOf(path)] = (bytes[packageOf(path)] ?? 0) + input.bytesInOutput;
  return bytes;
}
const baselineBytes = bytesByPackage(baselineOutput);
console.log('baseline', (baseline / 1024).toFixed(0), 'KB');

for (const fn of Functions) {
  if (functionName && fn.name !== functionName) continue;
  const metafile = await metafileOf({ entryPoints: [fn.entry] });
  const output = onlyOutput(metafile);
  // The ratio counts the JS a cold start parses; files shipped beside the bundle (read on demand) are printed after it.
  const beside = (fn.files ?? []).reduce((sum, file) => sum + statSync(fromRepoRoot(file)).size, 0);
  console.log(fn.name.padEnd(24), (output.bytes / 1024).toFixed(0).padStart(6), 'KB', (output.bytes / baseline).toFixed(2), ...(beside ? [`  + ${(beside / 1024).toFixed(0)} KB beside the bundle (${fn.files!.join(', ')})`] : []));
  if (!functionName) continue;

  const bytesByInput = bytesByPackage(output);
  for (const [name, bytes] of Object.entries(bytesByInput).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log('   ', name.padEnd(70), (bytes / 1024).toFixed(1));
  // What the function carries beyond the baseline (the SDK core both share folds out): where the ratio goes.
  const added = Object.entries(bytesByInput).map(([name, bytes]) => [name, bytes - (baselineBytes[name] ?? 0)] as const).filter(([, bytes]) => bytes > 0);
  const total = added.reduce((sum, [, bytes]) => sum + bytes, 0);
  console.log('  beyond the baseline:', (total / 1024).toFixed(0), 'KB, of which');
  for (const [name, bytes] of added.sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log('   ', name.padEnd(70), (bytes / 1024).toFixed(1));

  if (needle) {
    // Breadth-first over the import graph: the first path that reaches the needle is a shortest chain.
    const entry = Object.keys(metafile.inputs).find((path) => fn.entry.endsWith(path))!;
    const cameFrom = new Map<string, string>([[entry, '']]);
    const queue = [entry];
    for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
      if (at.includes(needle)) {
        const chain: string[] = [];
        for (let step: string | undefined = at; step; step = cameFrom.get(step) || undefined) chain.unshift(step);
        console.log(chain.join('\n  → '));
        break;
      }
      for (const imported of metafile.inputs[at]?.imports ?? []) {
        if (!cameFrom.has(imported.path)) {
          cameFrom.set(imported.path, at);
          queue.push(imported.path);
        }
      }
    }
  }
}
