import { build } from 'esbuild';
import { Functions } from '../shared/app/functions';
import { LAMBDA_ESBUILD_OPTIONS } from '../infra/bundling';
const only = process.argv[2];
const b = async (entry: any) => { const r = await build({ ...LAMBDA_ESBUILD_OPTIONS, ...entry, outfile: '/tmp/sz/out.mjs', write: false, metafile: true, logLevel: 'silent' }); return r.metafile; };
const base = (await b({ stdin: { contents: "export { DynamoDBClient } from '@aws-sdk/client-dynamodb';\n", resolveDir: process.cwd(), loader: "js" } }))!;
const bb = Object.values(base.outputs)[0]!.bytes;
console.log('baseline', (bb/1024).toFixed(0));
for (const fn of Functions) {
  if (only && fn.name !== only) continue;
  const m = (await b({ entryPoints: [fn.entry] }))!;
  const out = Object.values(m.outputs)[0]!;
  console.log(fn.name.padEnd(24), (out.bytes/1024).toFixed(0).padStart(6), (out.bytes/bb).toFixed(2));
  if (only) {
    const pk: Record<string, number> = {};
    for (const [f, i] of Object.entries(out.inputs)) { const k = f.includes('node_modules') ? f.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1') : f; pk[k] = (pk[k] ?? 0) + i.bytesInOutput; }
    for (const [k, v] of Object.entries(pk).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log('   ', k.padEnd(70), (v/1024).toFixed(1));
  }
}
// `npx tsx bench/profile-bundles.ts <Function> <package or path>`: the shortest import chain from the entry to it.
const target = process.argv[3];
if (only && target) {
  const fn = Functions.find((f) => f.name === only)!;
  const m = (await b({ entryPoints: [fn.entry] }))!;
  const entry = Object.keys(m.inputs).find((k) => fn.entry.endsWith(k))!;
  const prev = new Map<string, string>([[entry, '']]);
  const queue = [entry];
  while (queue.length) {
    const at = queue.shift()!;
    if (at.includes(target)) {
      const chain = [];
      for (let n: string | undefined = at; n; n = prev.get(n) || undefined) chain.unshift(n);
      console.log(chain.join('\n  → '));
      break;
    }
    for (const i of m.inputs[at]?.imports ?? []) if (!prev.has(i.path)) { prev.set(i.path, at); queue.push(i.path); }
  }
}
