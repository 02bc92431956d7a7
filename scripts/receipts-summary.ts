/**
 * `npm run receipts:summary -- <agency> <date> [--local] [--out file.csv]`: the same-day summary of an
 * agency's e-receipts (form 01/TH-BLĐT fields) as CSV, for the date given (yyyy-mm-dd, Viet Nam
 * calendar): every number of the day with its state, the count and total. It reads the table named
 * by TABLE_NAME (or the running local runtime with --local) and sends nothing: the scheduled
 * SendReceiptSummaries does that. Output is UTF-8 CSV on stdout, or in the file given.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoCatalogueRepository } from '../shared/modules/catalogue/dynamodb';
import { DynamoReceiptStore } from '../shared/modules/receipts/dynamodb';
import { buildDailySummary } from '../shared/modules/receipts/use-cases/daily-summary';
import { tableTarget } from './table-target';

export interface SummaryArgs {
  readonly agencyCode: string;
  readonly date: string;
  readonly local: boolean;
  readonly out?: string;
}

/** The arguments, or the reason they are refused (naming the one that is wrong). */
export function parseSummaryArgs(argv: readonly string[]): SummaryArgs | string {
  const local = argv.includes('--local');
  const outAt = argv.indexOf('--out');
  const out = outAt >= 0 ? argv[outAt + 1] : undefined;
  if (outAt >= 0 && !out) return '--out needs a file name';
  const positional = argv.filter((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
  const [agencyCode, date] = positional;
  if (!agencyCode || !date || positional.length !== 2) return 'usage: npm run receipts:summary -- <agency> <yyyy-mm-dd> [--local] [--out file.csv]';
  if (!/^[A-Z0-9][A-Z0-9._-]{0,31}$/i.test(agencyCode)) return `agency: "${agencyCode}" is not an agency code`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
    return `date: "${date}" is not a calendar date (yyyy-mm-dd)`;
  }
  return { agencyCode, date, local, ...(out ? { out } : {}) };
}

async function main(): Promise<void> {
  const args = parseSummaryArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(args);
    process.exitCode = 2;
    return;
  }
  const target = tableTarget(args.local);
  const client = DynamoDBDocumentClient.from(target.client);
  const { summary, csv } = await buildDailySummary(
    { receipts: new DynamoReceiptStore(client, target.tableName), catalogue: new DynamoCatalogueRepository(client, target.tableName) },
    args.agencyCode,
    args.date,
  );
  if (args.out) {
    writeFileSync(args.out, csv);
    console.error(`${summary.rows.length} receipt number(s), ${summary.issuedCount} issued, total ${summary.total} VND → ${args.out} (${target.where})`);
  } else process.stdout.write(csv);
}

// Run as a command, not when a test imports parseSummaryArgs.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await main();
