import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly p99Ms: number;
}

export interface LoadSpec {
  readonly url: string;
  readonly method?: 'GET' | 'POST';
  readonly body?: string;
  readonly headers?: Record<string, string>;
  readonly seconds: number;
  readonly connections: number;
}

/** Runs autocannon in its own process, so the load generator does not share the server's event loop. */
export function load(spec: LoadSpec): Promise<LoadResult> {
  const cli = join(dirname(require.resolve('autocannon/package.json')), 'autocannon.js');
  const args = [cli, '--json', '-c', String(spec.connections), '-d', String(spec.seconds), '-m', spec.method ?? 'GET'];
  for (const [k, v] of Object.entries(spec.headers ?? {})) args.push('-H', `${k}=${v}`);
  if (spec.body) args.push('-b', spec.body);
  args.push(spec.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const json = JSON.parse(out) as { requests: { average: number }; non2xx: number; errors: number; latency: { p99: number } };
      resolve({ requestsPerSecond: json.requests.average, non2xx: json.non2xx, errors: json.errors, p99Ms: json.latency.p99 });
    });
  });
}

/** The reference: a bare Node http server answering a small JSON document. */
export async function startBareServer(): Promise<{ url: string; close(): Promise<void> }> {
  const payload = JSON.stringify({ total: 5000, currency: 'VND' });
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(payload);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
