import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from '../../local/runtime';
import { localCredentials, LOCAL_REGION } from '../../local/emulators/credentials';
import { localSettings } from '../../local/local-settings';
import { sandboxSettings } from '../../local/sandboxes/settings';
import { createContainer } from '../../shared/app/container';
import { DynamoFinanceStore } from '../../shared/modules/finance/dynamodb';
import { makeHandler as reconcileSettlements } from '../../functions/scheduled/reconcile-settlements';
import { api, devToken, registerOnlineDossier } from '../support/api-client';
import { documents, uniqueCode, until } from '../support/emulators';
import { returnUrl } from '../support/payments';

/**
 * Bank transfers reconciled locally (issue 14, point 3): VietQR payments paid through the sandbox
 * bank, whose statement of booking day T is the file the reconciliation reads. Day T is a random
 * past day of its own (the sandbox bank dates a transfer as asked), so the shared runtime's other
 * transfers, all made now, are on no statement read here.
 */
const run = promisify(execFile);
const CITIZEN = '079099014001';
const applicant = { citizenId: CITIZEN, fullName: 'Phạm Thị G', phone: '0912000444' };

const random = (n: number) => Math.floor(Math.random() * n);
const T0 = new Date(Date.UTC(2001 + random(20), random(12), 1 + random(28)));
const dayOf = (shiftDays: number) => new Date(T0.getTime() + shiftDays * 86_400_000).toISOString().slice(0, 10);
const [T, T_PLUS_1] = [dayOf(0), dayOf(1)];
/** An instant at a Viet Nam wall-clock time, days after T. */
const vietnamTime = (shiftDays: number, hhmm: string) => new Date(`${dayOf(shiftDays)}T${hhmm}:00+07:00`).toISOString();

let agency: string;
let agencyToken: string;
let citizenToken: string;

interface Transfer {
  readonly name: string;
  readonly at: string;
  reference?: string;
  transactionId?: string;
}
/** Each pays a dossier of 5 000 VND; the eve's and the 23:30 one are the bank's next day. */
const transfers: Transfer[] = [
  { name: 'eve', at: vietnamTime(-1, '22:15') },
  { name: 'a', at: vietnamTime(0, '09:00') },
  { name: 'b', at: vietnamTime(0, '10:00') },
  { name: 'c', at: vietnamTime(0, '11:00') },
  { name: 'late', at: vietnamTime(0, '23:30') },
];
const byName = (name: string) => transfers.find((t) => t.name === name)!;

const statementUrl = (day: string, plant?: string) => `${inject('baseUrl')}/sandbox/vietqr/statement/${day}.csv${plant ? `?plant=${plant}` : ''}`;

/** `npm run reconcile -- vietqr <day> <statement URL>` against the shared runtime's table, as an operator runs it. */
async function reconcileCommand(day: string, url: string) {
  const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/reconcile.ts', 'vietqr', day, url], {
    cwd: REPO_ROOT,
    env: {
      ...process.env, TABLE_NAME: inject('tableName'), AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoDbEndpoint'), AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: localCredentials.accessKeyId, AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey, NODE_NO_WARNINGS: '1',
    },
  });
  return { stdout, stderr, counts: JSON.parse(/\{.*\}/.exec(stderr)![0]) as Record<string, number>, opened: Number(/ (\d+) new exception\(s\)/.exec(stderr)![1]) };
}

const openExceptions = async (agencyCode: string) => {
  const res = await api(`/v1/finance/exceptions?agencyCode=${agencyCode}&status=open`, { token: agencyToken });
  expect(res.status, res.text).toBe(200);
  return res.json.items as { exceptionId: string; kind: string; reference?: string; amount: number; reason: string }[];
};

beforeAll(async () => {
  agency = uniqueCode('HP');
  agencyToken = await devToken({ role: 'agency', agency });
  citizenToken = await devToken({ role: 'citizen', sub: CITIZEN });
  for (const transfer of transfers) {
    const no = await registerOnlineDossier(agencyToken, agency, applicant, uniqueCode('H31.26'));
    const pay = await api(`/v1/dossiers/${no}/payments`, { token: citizenToken, headers: { 'idempotency-key': randomUUID() }, body: { provider: 'vietqr', returnUrl: returnUrl() } });
    expect(pay.status, pay.text).toBe(201);
    transfer.reference = pay.json.qr.memo as string;
    const made = await api('/sandbox/vietqr/transfer', { body: { reference: transfer.reference, amount: pay.json.amount, at: transfer.at } });
    expect(made.status, made.text).toBe(200);
    expect(JSON.parse(made.json.webhookResponse)).toEqual({ result: 'applied' });
    expect(made.json).toMatchObject({ at: transfer.at, bookingDate: transfer.name === 'late' ? T_PLUS_1 : T });
    transfer.transactionId = made.json.transactionId;
  }
  // The money is booked by the dossier-event reaction: wait for all of it.
  const finance = new DynamoFinanceStore(documents(), inject('tableName'));
  await until(async () => [(await finance.bookOfProvider('vietqr', T)).length, (await finance.bookOfProvider('vietqr', T_PLUS_1)).length], ([t, t1]) => t === 4 && t1 === 1);
}, 90_000);

describe('VietQR transfers reconciled against the sandbox bank\u2019s statement of day T', () => {
  it('the scheduled ReconcileSettlements of the local runtime reconciles vietqr\u2019s day T: every transfer matched, the 23:30 one not on T', async () => {
    // A container as the local runtime wires it (its sandbox settings), on the morning of T+1 in Viet Nam.
    const container = createContainer(
      localSettings({
        operator: {}, baseUrl: inject('baseUrl'), sandbox: sandboxSettings(), corsOrigins: [], tableName: inject('tableName'), queueUrls: {},
        aws: { region: LOCAL_REGION, credentials: localCredentials, endpoints: { dynamodb: inject('dynamoDbEndpoint') } },
      }),
      { clock: { now: () => new Date(`${T_PLUS_1}T07:00:00+07:00`) } },
    );

    const ran = await reconcileSettlements(container)();

    expect(ran.day).toBe(T);
    expect(ran.missing).toEqual([]);
    const vietqr = ran.results.find((r) => r.provider === 'vietqr');
    expect(vietqr).toMatchObject({ day: T, counts: { matched: 4, amount_difference: 0, missing_ours: 0, missing_theirs: 0 }, matchedTotal: 20_000, exceptionsOpened: 0 });
    expect(ran.results.map((r) => r.provider).sort()).toEqual(['vietqr', 'vnpay']);
  });

  it('npm run reconcile -- vietqr T+1 <statement>: the transfer made at 23:30 on T is matched on T+1', async () => {
    const { stdout, counts, opened } = await reconcileCommand(T_PLUS_1, statementUrl(T_PLUS_1));

    expect(counts).toEqual({ matched: 1, amount_difference: 0, missing_ours: 0, missing_theirs: 0 });
    expect(opened).toBe(0);
    const late = byName('late');
    expect(stdout).toContain(`vietqr,${T_PLUS_1},${late.reference},${late.transactionId},5000,5000,MATCHED`);
    expect(stdout).toContain(`TOTAL,${T_PLUS_1},,,5000,,MATCHED=1`);
  });

  it('puts the planted differences of day T into the exceptions queue, once: importing the file twice more changes nothing', async () => {
    const planted = statementUrl(T, 'missing,amount,extra');
    const extra = `SANDBOX-EXTRA-${T.replace(/-/g, '')}`;
    // The unassigned queue is shared with other tests' unmatched money: only this day's planted line is ours.
    const queue = async () => [await openExceptions(agency), (await openExceptions('UNASSIGNED')).filter((e) => e.reference === extra)];

    const first = await reconcileCommand(T, planted);
    const queueAfterFirst = await queue();
    const again = [await reconcileCommand(T, planted), await reconcileCommand(T, planted)];

    // The eve's transfer left out (theirs missing), a's 1 000 VND short, a transfer we never heard of; b and c match.
    expect(first.counts).toEqual({ matched: 2, amount_difference: 1, missing_ours: 1, missing_theirs: 1 });
    expect(first.opened).toBe(3);
    const [eve, a] = [byName('eve'), byName('a')];
    expect(first.stdout).toContain(`vietqr,${T},${eve.reference},${eve.transactionId},5000,,MISSING_PROVIDER`);
    expect(first.stdout).toContain(`vietqr,${T},${a.reference},${a.transactionId},5000,4000,AMOUNT_DIFFERENCE`);
    expect(first.stdout).toMatch(new RegExp(`vietqr,${T},${extra},FT\\d+,,10000,MISSING_MERCHANT`));
    const [ours, unassigned] = queueAfterFirst;
    expect(ours!.filter((e) => e.kind === 'reconciliation_difference').map((e) => [e.reference, e.amount]).sort()).toEqual([[a.reference, 4_000], [eve.reference, 5_000]].sort());
    expect(unassigned).toEqual([expect.objectContaining({ kind: 'reconciliation_difference', amount: 10_000 })]);

    for (const run of again) {
      expect(run.counts).toEqual(first.counts);
      expect(run.opened).toBe(0);
      expect(run.stdout).toBe(first.stdout);
    }
    expect(await queue()).toEqual(queueAfterFirst);
  });
});
