import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseReconcileArgs, runReconcile, type ReconcileIo } from '../../../scripts/reconcile';
import { bookingDate, type BookEntry } from '../../../shared/modules/finance/domain/book';
import { DEFAULT_SETTLEMENT_FORMATS, writeSettlementFile } from '../../../shared/modules/finance/settlement-file';
import { InMemoryFinanceStore } from '../../fakes/finance-store';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const USAGE = /^usage: npm run reconcile -- <provider> <yyyy-mm-dd>/;

describe('Function: parseReconcileArgs', () => {
  it.each([
    [['vnpay', '2026-03-02', 'day.csv'], { provider: 'vnpay', date: '2026-03-02', file: 'day.csv', local: false }],
    [['vietqr', '2026-03-02', 'https://files.example/x.csv', '--local'], { provider: 'vietqr', date: '2026-03-02', file: 'https://files.example/x.csv', local: true }],
    [['--local', '--out', 'r.csv', 'vnpay', '2026-03-02', 's3://bucket/vnpay/2026-03-02.csv'], { provider: 'vnpay', date: '2026-03-02', file: 's3://bucket/vnpay/2026-03-02.csv', local: true, out: 'r.csv' }],
  ])('accepts %j', (argv, expected) => {
    expect(parseReconcileArgs(argv)).toEqual(expected);
  });

  it.each([
    [[], USAGE],
    [['vnpay', '2026-03-02'], USAGE],
    [['vnpay', '2026-03-02', 'a.csv', 'b.csv'], USAGE],
    [['momo', '2026-03-02', 'a.csv'], /^provider: "momo" is not one of vnpay, vietqr$/],
    [['vnpay', '2026-02-30', 'a.csv'], /^date: "2026-02-30" is not a calendar date/],
    [['vnpay', '02/03/2026', 'a.csv'], /^date: "02\/03\/2026" is not a calendar date/],
    [['vnpay', '2026-3-2', 'a.csv'], /^date: "2026-3-2"/],
    [['vnpay', '2026-03-02', 'a.csv', '--out'], /^--out needs a file name$/],
    [['vnpay', '2026-03-02', 'a.csv', '--out', '--local'], /^--out needs a file name$/],
    [['vnpay', '2026-03-02', 'a.csv', '--dry-run'], /^--dry-run: unknown option/],
    [['vnpay', '2026-03-02', 's3://bucket-only'], /^file: "s3:\/\/bucket-only" is not s3:\/\/<bucket>\/<key>$/],
  ])('refuses %j, naming what is wrong', (argv, message) => {
    expect(parseReconcileArgs(argv)).toMatch(message);
  });
});

/** The command's surroundings in memory: a ledger, files by name, what it printed and wrote. */
function io(files: Record<string, string>, finance = new InMemoryFinanceStore()) {
  const out = { stdout: '', stderr: '', written: new Map<string, string>(), opened: [] as boolean[] };
  const surroundings: ReconcileIo = {
    finance: (local) => (out.opened.push(local), { store: finance, where: local ? 'local runtime' : 'table T' }),
    readText: async (file) => files[file],
    writeFile: async (path, text) => void out.written.set(path, text),
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    env: {},
  };
  return { io: surroundings, out, finance };
}

const vnpay = DEFAULT_SETTLEMENT_FORMATS.vnpay!;
const entry = (reference: string, amount: number, at: string): BookEntry => ({
  entryId: `col_${reference}`, kind: 'collection', provider: 'vnpay', agencyCode: 'HP-STP', reference, transactionId: `T${reference}`, amount, at,
  bookDate: bookingDate('vnpay', new Date(at)), byFeeKind: { fee: amount },
});

describe('Script: reconcile (runReconcile)', () => {
  it('exits 2 with the reason on bad arguments, before reading any file or opening the ledger', async () => {
    const { io: surroundings, out } = io({});
    expect(await runReconcile(['vnpay', '2026-13-01', 'day.csv'], surroundings)).toBe(2);
    expect(out.stderr).toBe('date: "2026-13-01" is not a calendar date (yyyy-mm-dd)\n');
    expect(out.opened).toEqual([]);
  });

  it('reconciles the file against the ledger (the local runtime\u2019s with --local) and prints the result file', async () => {
    // Prepare
    const { io: surroundings, out, finance } = io({ 'day.csv': writeSettlementFile([{ reference: 'A1', transactionId: 'TA1', amount: 50_000, at: new Date('2026-03-02T03:00:00Z') }], vnpay) });
    await finance.book(entry('A1', 50_000, '2026-03-02T03:00:00Z'));
    await finance.book(entry('B2', 20_000, '2026-03-02T04:00:00Z'));
    // Act
    const code = await runReconcile(['vnpay', '2026-03-02', 'day.csv', '--local'], surroundings);
    // Assess
    expect(code).toBe(0);
    expect(out.opened).toEqual([true]);
    expect(out.stdout.split('\n').slice(1, 3)).toEqual(['vnpay,2026-03-02,A1,TA1,5000000,5000000,MATCHED', 'vnpay,2026-03-02,B2,TB2,2000000,,MISSING_PROVIDER']);
    expect(out.stderr).toMatch(/^vnpay 2026-03-02: \{"matched":1,"amount_difference":0,"missing_ours":0,"missing_theirs":1\}, matched 50000 VND, 1 new exception\(s\) \(local runtime\)\n$/);
    expect(await finance.exceptions('HP-STP', 'open')).toHaveLength(1);
  });

  it('writes the result file to --out, and a second import of the same file opens nothing new', async () => {
    const { io: surroundings, out, finance } = io({ 'day.csv': writeSettlementFile([{ reference: 'X9', transactionId: '9', amount: 10_000, at: new Date('2026-03-02T05:00:00Z') }], vnpay) });
    expect(await runReconcile(['vnpay', '2026-03-02', 'day.csv', '--out', 'result.csv'], surroundings)).toBe(0);
    expect(await runReconcile(['vnpay', '2026-03-02', 'day.csv', '--out', 'result.csv'], surroundings)).toBe(0);
    expect(out.stdout).toBe('');
    expect(out.written.get('result.csv')).toMatch(/X9,9,,1000000,MISSING_MERCHANT/);
    expect(out.stderr.split('\n').map((l) => l.match(/(\d+) new exception/)?.[1]).filter(Boolean)).toEqual(['1', '0']);
    expect(out.opened).toEqual([false, false]);
    expect(await finance.exceptions('UNASSIGNED', 'open')).toHaveLength(1);
  });

  it('exits 1 when the file is not there, or is invalid (every bad line named, nothing imported)', async () => {
    const { io: surroundings, out, finance } = io({ 'bad.csv': 'TxnRef,TransactionNo,Amount,PayDate\nA1,1,12x,20260302100000\nA2,2,100,yesterday\n' });
    expect(await runReconcile(['vnpay', '2026-03-02', 'missing.csv'], surroundings)).toBe(1);
    expect(out.stderr).toBe('file: missing.csv not found\n');
    out.stderr = '';
    expect(await runReconcile(['vnpay', '2026-03-02', 'bad.csv'], surroundings)).toBe(1);
    expect(out.stderr).toContain('line 1.Amount: not a positive whole amount');
    expect(out.stderr).toContain('line 2.PayDate: not a yyyyMMddHHmmss time');
    expect(finance.runs.size).toBe(0);
  });
});

describe('Script: reconcile as a command', () => {
  it('exits 2 and prints the reason on stderr for bad arguments', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/reconcile.ts', 'vnpay', '2026-02-30', 'x.csv'], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('date: "2026-02-30" is not a calendar date (yyyy-mm-dd)');
    expect(result.stdout).toBe('');
  }, 30_000);
});
