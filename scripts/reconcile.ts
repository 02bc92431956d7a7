/**
 * `npm run reconcile -- <provider> <yyyy-mm-dd> <file> [--local] [--out result.csv]`: reconciles a
 * provider's day-T settlement file (a local path, or an http(s) URL such as the sandbox bank's
 * /sandbox/vnpay/settlement/<date>.csv) against the ledger of the table named by TABLE_NAME (or the
 * running local runtime with --local). Differences go to the exceptions queue; the result file to
 * send back goes to stdout or --out. Importing the same file again changes nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoFinanceStore } from '../shared/modules/finance/dynamodb';
import { reconcileDay } from '../shared/modules/finance/use-cases/reconcile-day';
import { fetchSettlementText, RECONCILED_PROVIDERS } from '../shared/modules/finance/use-cases/scheduled-reconciliation';
import { settlementFormat } from '../shared/modules/finance/settlement-file';
import { tableTarget } from './table-target';

export interface ReconcileArgs {
  readonly provider: string;
  readonly date: string;
  readonly file: string;
  readonly local: boolean;
  readonly out?: string;
}

/** The arguments, or the reason they are refused (naming the one that is wrong). */
export function parseReconcileArgs(argv: readonly string[]): ReconcileArgs | string {
  const local = argv.includes('--local');
  const outAt = argv.indexOf('--out');
  const out = outAt >= 0 ? argv[outAt + 1] : undefined;
  if (outAt >= 0 && !out) return '--out needs a file name';
  const positional = argv.filter((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
  const [provider, date, file] = positional;
  if (!provider || !date || !file || positional.length !== 3) return 'usage: npm run reconcile -- <provider> <yyyy-mm-dd> <file|url> [--local] [--out result.csv]';
  if (!(RECONCILED_PROVIDERS as readonly string[]).includes(provider)) return `provider: "${provider}" is not one of ${RECONCILED_PROVIDERS.join(', ')}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    return `date: "${date}" is not a calendar date (yyyy-mm-dd)`;
  }
  return { provider, date, file, local, ...(out ? { out } : {}) };
}

async function main(): Promise<void> {
  const args = parseReconcileArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(args);
    process.exitCode = 2;
    return;
  }
  const target = tableTarget(args.local);
  const finance = new DynamoFinanceStore(DynamoDBDocumentClient.from(target.client), target.tableName);
  const text = /^https?:\/\//.test(args.file) ? await fetchSettlementText(args.file) : readFileSync(args.file, 'utf8');
  const result = await reconcileDay({ finance, clock: { now: () => new Date() } }, args.provider, args.date, text, settlementFormat(args.provider, process.env));
  console.error(`${args.provider} ${args.date}: ${JSON.stringify(result.counts)}, matched ${result.matchedTotal} VND, ${result.exceptionsOpened} new exception(s) (${target.where})`);
  if (args.out) writeFileSync(args.out, result.resultFile);
  else process.stdout.write(result.resultFile);
}

// Run as a command, not when a test imports parseReconcileArgs.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await main();
