import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where a running local runtime can be reached, for operator commands run beside it. */
export interface RuntimeInfo {
  readonly baseUrl: string;
  readonly dynamoDbEndpoint: string;
  readonly sqsEndpoint: string;
  readonly tableName: string;
  readonly queues: Record<string, { url: string; deadLetterUrl: string }>;
}

const FILE = 'runtime.json';

export function writeRuntimeInfo(dataDir: string, info: RuntimeInfo): () => void {
  const file = join(dataDir, FILE);
  writeFileSync(file, JSON.stringify(info, null, 2));
  return () => rmSync(file, { force: true });
}

export function readRuntimeInfo(dataDir: string): RuntimeInfo {
  const file = resolve(dataDir, FILE);
  if (!existsSync(file)) throw new Error(`No local runtime is running with DATA_DIR=${dataDir} (no ${file}); start it with npm start`);
  return JSON.parse(readFileSync(file, 'utf8')) as RuntimeInfo;
}
