/**
 * `npm run reconcile -- <provider> <yyyy-mm-dd> <file> [--local] [--out result.csv]`: reconciles a
 * provider's day-T settlement file against the ledger of the table named by TABLE_NAME (or the
 * running local runtime with --local). The file is a local path, an http(s) URL (such as the sandbox
 * bank's /sandbox/vnpay/settlement/<date>.csv or /sandbox/vietqr/statement/<date>.csv) or an S3
 * object `s3://<bucket>/<key>` (the settlement bucket, output SettlementBucketName). Differences go
 * to the exceptions queue; the result file to send back goes to stdout or --out. Importing the same
 * file again changes nothing.
 * Exit codes: 0 done, 1 the file is missing or invalid (nothing imported), 2 bad arguments.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../shared/platform/kernel/errors';
import { DynamoFinanceStore } from '../shared/modules/finance/dynamodb';
import type { FinanceStore } from '../shared/modules/finance/ports';
import { reconcileDay } from '../shared/modules/finance/use-cases/reconcile-day';
import { RECONCILED_PROVIDERS } from '../shared/modules/finance/use-cases/scheduled-reconciliation';
import { settlementFormat } from '../shared/modules/finance/settlement-file';
import { fetchSettlementText, readS3Text } from '../shared/modules/finance/settlement-files';
import { tableTarget } from './table-target';

export interface ReconcileArgs {
  readonly provider: string;
  readonly date: string;
  readonly file: string;
  readonly local: boolean;
  readonly out?: string;
}

const USAGE = 'usage: npm run reconcile -- <provider> <yyyy-mm-dd> <file|https-url|s3://bucket/key> [--local] [--out result.csv]';
const OPTIONS = new Set(['--local', '--out']);

/** The arguments, or the reason they are refused (naming the one that is wrong). */
export function parseReconcileArgs(argv: readonly string[]): ReconcileArgs | string {
  const unknown = argv.find((a) => a.startsWith('--') && !OPTIONS.has(a));
  if (unknown) return `${unknown}: unknown option\n${USAGE}`;
  const local = argv.includes('--local');
  const outAt = argv.indexOf('--out');
  const out = outAt >= 0 ? argv[outAt + 1] : undefined;
  if (outAt >= 0 && (!out || out.startsWith('--'))) return '--out needs a file name';
  const positional = argv.filter((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
  const [provider, date, file] = positional;
  if (!provider || !date || !file || positional.length !== 3) return USAGE;
  if (!(RECONCILED_PROVIDERS as readonly string[]).includes(provider)) return `provider: "${provider}" is not one of ${RECONCILED_PROVIDERS.join(', ')}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    return `date: "${date}" is not a calendar date (yyyy-mm-dd)`;
  }
  if (file.startsWith('s3://') && !/^s3:\/\/[^/]+\/.+/.test(file)) return `file: "${file}" is not s3://<bucket>/<key>`;
  return { provider, date, file, local, ...(out ? { out } : {}) };
}

/** What the command touches, so that a test can give its own. */
export interface ReconcileIo {
  /** The ledger: the local runtime's table with --local, else TABLE_NAME. */
  finance(local: boolean): { readonly store: FinanceStore; readonly where: string };
  /** The file's text (path, http(s) URL or s3:// object); undefined when it is not there. */
  readText(file: string): Promise<string | undefined>;
  writeFile(path: string, text: string): Promise<void>;
  stdout(text: string): void;
  stderr(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Runs the command; the exit code is its answer (0 done, 1 file missing or invalid, 2 bad arguments). */
export async function runReconcile(argv: readonly string[], io: ReconcileIo): Promise<number> {
  const args = parseReconcileArgs(argv);
  if (typeof args === 'string') {
    io.stderr(`${args}\n`);
    return 2;
  }
  const text = await io.readText(args.file);
  if (text === undefined) {
    io.stderr(`file: ${args.file} not found\n`);
    return 1;
  }
  const { store, where } = io.finance(args.local);
  try {
    const result = await reconcileDay({ finance: store, clock: { now: () => new Date() } }, args.provider, args.date, text, settlementFormat(args.provider, io.env));
    io.stderr(`${args.provider} ${args.date}: ${JSON.stringify(result.counts)}, matched ${result.matchedTotal} VND, ${result.exceptionsOpened} new exception(s) (${where})\n`);
    if (args.out) await io.writeFile(args.out, result.resultFile);
    else io.stdout(result.resultFile);
    return 0;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    io.stderr(`${error.message}\n${error.details.map((d) => `  ${d.path}: ${d.message}`).join('\n')}\n`);
    return 1;
  }
}

async function readText(file: string): Promise<string | undefined> {
  if (/^https?:\/\//.test(file)) return fetchSettlementText(file);
  const s3 = /^s3:\/\/([^/]+)\/(.+)$/.exec(file);
  if (s3) return readS3Text(new S3Client({}), s3[1]!, s3[2]!);
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const processIo: ReconcileIo = {
  finance(local) {
    const target = tableTarget(local);
    return { store: new DynamoFinanceStore(DynamoDBDocumentClient.from(target.client), target.tableName), where: target.where };
  },
  readText,
  writeFile: (path, text) => writeFile(path, text),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
};

// Run as a command, not when a test imports it.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) process.exitCode = await runReconcile(process.argv.slice(2), processIo);
