import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { hasApplied } from '../../shared/modules/dossiers/domain/applied-events';
import type { Dossier } from '../../shared/modules/dossiers/domain/dossier';
import { afterAll, describe, expect, it } from 'vitest';
import { vietnamDate } from '../../shared/platform/kernel/time';
import { signParams, toVnpAmount, type VnpParams } from '../../shared/modules/payments/providers/vnpay/protocol';
import { vietnamTimestamp } from '../../shared/platform/kernel/time';
import { localCredentials, LOCAL_REGION } from '../../local/emulators/credentials';
import type { RuntimeInfo } from '../../local/runtime-info';
import { ChildRuntime } from '../support/child-runtime';
import { sandbox } from '../support/payments';

/** The month a dossier's counters fall in: its submission day in Viet Nam. */
const kpiMonth = (submittedAt: string) => vietnamDate(new Date(submittedAt)).slice(0, 7);

/**
 * The crash: the local runtime SIGKILLed in the middle of a burst of IPNs. Before the fix the
 * outbox row went when the message was sent and the queue lived in memory, so every event sent and
 * not yet applied was lost: dossiers stayed AWAITING_PAYMENT although paid, and the KPI came short.
 */
// 40 keep a burst in flight when the kill lands (8 IPNs at a time) while every dossier event now fans
// out to a dozen reactions on a disk-backed emulator; 100 took over 3 minutes of the suite.
const DOSSIERS = 40;
const dataDir = mkdtempSync(join(tmpdir(), 'toantrinh-crash-'));
const runtime = new ChildRuntime(dataDir, {
  VNPAY_TMN_CODE: sandbox.vnpayTmnCode,
  VNPAY_HASH_SECRET: sandbox.vnpayHashSecret,
  // Scheduled functions every second (nothing re-sends the outbox any more: the table's stream,
  // read from the runtime's checkpoint after the restart, publishes what the kill left unpublished).
  LOCAL_SCHEDULE_INTERVAL_MS: '1000',
  UNITS_DIR: join(dataDir, 'no-units'), // addresses play no part here
});
afterAll(async () => {
  await runtime.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(base: string, path: string, init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, text, json: text ? JSON.parse(text) : undefined };
}

/** Runs `work` over `items` with `width` in flight at once. */
async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

describe('A SIGKILL in the middle of a burst of IPNs', () => {
  it('loses no dossier event: after a restart and the gateway retries, every dossier is PROCESSING and every count exact', async () => {
    let info: RuntimeInfo = await runtime.start();
    const agency = `HP-${randomUUID().slice(0, 6).toUpperCase()}`;
    const citizen = '079099012345';
    const token = (await call(info.baseUrl, '/v1/dev/tokens', { body: { role: 'agency', agency } })).json.token as string;
    const citizenToken = (await call(info.baseUrl, '/v1/dev/tokens', { body: { role: 'citizen', sub: citizen } })).json.token as string;
    const submittedAt = new Date().toISOString();

    const ipns: Array<{ no: string; paymentId: string; params: VnpParams }> = [];
    await inParallel(Array.from({ length: DOSSIERS }, (_, i) => i), 4, async (i) => {
      const no = `H31.26-CRASH-${String(i).padStart(3, '0')}`;
      const registered = await call(info.baseUrl, `/v1/dossiers/${no}`, {
        method: 'PUT', token,
        body: { procedureCode: '2.000815', agencyCode: agency, channel: 'online', submittedAt, applicant: { citizenId: citizen, fullName: 'Lê Văn C', phone: '0912000111' }, inputs: { pages: 3, copies: 1 } },
      });
      expect(registered.status, registered.text).toBe(201);
      const payment = await call(info.baseUrl, `/v1/dossiers/${no}/payments`, {
        token: citizenToken, headers: { 'idempotency-key': randomUUID() },
        body: { provider: 'vnpay', returnUrl: `${info.baseUrl}/sandbox/portal/payment-result` },
      });
      expect(payment.status, `${payment.text}\n${payment.status === 201 ? "" : runtime.log.slice(-4000)}`).toBe(201);
      const txnRef = new URL(payment.json.redirectUrl).searchParams.get('vnp_TxnRef')!;
      // One transaction per payment: the gateway's retries repeat exactly these signed parameters.
      const params = signParams({
        vnp_Amount: toVnpAmount(payment.json.amount), vnp_BankCode: 'NCB', vnp_CardType: 'ATM', vnp_OrderInfo: 'Thanh toan phi ho so',
        vnp_PayDate: vietnamTimestamp(new Date()), vnp_ResponseCode: '00', vnp_TmnCode: sandbox.vnpayTmnCode,
        vnp_TransactionNo: String(20_000_000 + i), vnp_TransactionStatus: '00', vnp_TxnRef: txnRef,
      }, sandbox.vnpayHashSecret);
      ipns.push({ no, paymentId: payment.json.paymentId, params });
    });

    // The burst; the runtime dies (with its DynamoDB Local and queue emulator) once half are answered.
    let answered = 0;
    let killed: Promise<void> | undefined;
    await inParallel(ipns, 8, async ({ params }) => {
      if (killed) return;
      try {
        const res = await call(info.baseUrl, `/v1/callbacks/vnpay/ipn?${new URLSearchParams(params)}`);
        expect(['00', '02']).toContain(res.json.RspCode);
        if (++answered === DOSSIERS / 2) killed = runtime.kill();
      } catch {
        // the connection died with the runtime: the gateway will retry
      }
    });
    await killed;
    expect(answered).toBeGreaterThanOrEqual(DOSSIERS / 2);

    info = await runtime.start();
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: info.dynamoDbEndpoint, region: LOCAL_REGION, credentials: localCredentials }));
    const ofDossier = (no: string) => call(info.baseUrl, `/v1/dossiers/${no}`, { token }).then((r) => r.json);
    const atRisk = (await Promise.all(ipns.map((i) => ofDossier(i.no)))).filter((d) => d.status === 'AWAITING_PAYMENT').length;
    console.info(`after the SIGKILL: ${answered} IPNs answered, ${atRisk} dossiers still awaiting payment`);

    // The gateway retries every IPN (those answered too: it may not have seen the answer).
    await inParallel(ipns, 8, async ({ params }) => {
      const res = await call(info.baseUrl, `/v1/callbacks/vnpay/ipn?${new URLSearchParams(params)}`);
      expect(['00', '02'], res.text).toContain(res.json.RspCode);
    });

    // Generous: the applies and their reactions share two cores with the rest of the suite in CI.
    const deadline = Date.now() + 120_000;
    let waiting = ipns.map((i) => i.no);
    while (waiting.length > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      const states = await Promise.all(waiting.map(async (no) => ({ no, status: (await ofDossier(no)).status as string })));
      waiting = states.filter((s) => s.status !== 'PROCESSING').map((s) => s.no);
    }
    expect(waiting, 'dossiers not PROCESSING two minutes after the retries').toEqual([]);

    const report = await call(info.baseUrl, `/v1/reports/kpis?agencyCode=${agency}&month=${kpiMonth(submittedAt)}`, { token });
    expect(report.json.counts).toMatchObject({ dossiers: DOSSIERS, withFees: DOSSIERS, submittedOnline: DOSSIERS, paidOnline: DOSSIERS });

    for (const { no, paymentId } of ipns) {
      const dossier = await ofDossier(no);
      expect(dossier.payments, no).toEqual([expect.objectContaining({ paymentId, status: 'succeeded' })]);
      expect(dossier.timeline.filter((t: { cause: string }) => t.cause === 'PaymentSucceeded'), no).toHaveLength(1);
      const ledger = await db.send(new QueryCommand({
        TableName: info.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :ledger)',
        ExpressionAttributeValues: { ':pk': `PAYMENT#${paymentId}`, ':ledger': 'LEDGER#' },
      }));
      expect((ledger.Items ?? []).filter((e) => e.outcome === 'succeeded'), paymentId).toHaveLength(1);
      // Every outbox row (kept to its TTL) was published and applied: the dossier records its event.
      const outbox = await db.send(new QueryCommand({
        TableName: info.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :outbox)',
        ExpressionAttributeValues: { ':pk': `DOSSIER#${no}`, ':outbox': 'OUTBOX#' },
      }));
      expect(outbox.Items!.length, no).toBeGreaterThanOrEqual(2); // registered, paid
      const stored = (await db.send(new GetCommand({ TableName: info.tableName, Key: { pk: `DOSSIER#${no}`, sk: 'DOSSIER' }, ConsistentRead: true }))).Item as Dossier;
      for (const row of outbox.Items!) expect(hasApplied(stored, row.event.id), `${no} ${row.event.id}`).toBe(true);
    }
  }, 300_000);
});
