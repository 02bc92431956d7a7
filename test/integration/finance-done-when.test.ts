import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startLocalRuntime, type LocalRuntime } from '../../local/runtime';
import { localCredentials } from '../../local/emulators/credentials';
import { payDate } from '../../shared/modules/payments/providers/vnpay/protocol';
import { vietnamDate } from '../../shared/platform/kernel/time';
import { agencyAndCitizen, api, registerOnlineDossier } from '../support/api-client';
import { uniqueCode, until } from '../support/emulators';

/**
 * Issue 14's "Done when", on a local runtime of its own (as `npm start` gives one: its own tables,
 * queues and sandbox bank), so that "the day's reconciliation of the sandbox file" (VNPay's day-T
 * file and the bank's VietQR statement) covers exactly the money this test moved: the shared
 * runtime's day holds every other test's payments, some of which never went through the sandbox gateway.
 *
 * A citizen pays at the gateway but the IPN is lost; the payment's 3-second validity (a short
 * VNPAY_EXPIRY_MINUTES stands for the citizen giving up and coming back) lets them pay again, and
 * that payment settles the dossier. VNPay then retries the first IPN: money taken twice. Separately
 * someone transfers money under a reference that matches nothing.
 */
const run = promisify(execFile);
const CITIZEN = '079099077001';
const applicant = { citizenId: CITIZEN, fullName: 'Trần Văn E', phone: '0912000333' };

let runtime: LocalRuntime;
let base: string;
let agency: string;
let agencyToken: string;
let citizenToken: string;

beforeAll(async () => {
  runtime = await startLocalRuntime({
    port: 0,
    seedCatalogue: resolve(REPO_ROOT, 'data/catalogue.json'),
    pollWaitSeconds: 1,
    logLevel: 'SILENT',
    scheduleIntervalMs: 0,
    settings: { VNPAY_EXPIRY_MINUTES: '0.05', NOTIFICATION_QUIET_HOURS: 'off', RECEIPT_BACKOFF_BASE_SECONDS: '1' },
    queueOverrides: { receiptIssuance: { visibilityTimeoutSeconds: 2 } },
  });
  base = runtime.baseUrl;
  ({ agency, agencyToken, citizenToken } = await agencyAndCitizen(CITIZEN, base));
}, 180_000);

afterAll(async () => {
  await runtime?.stop();
});

const call = (path: string, init: Parameters<typeof api>[1] = {}) => api(path, { ...init, baseUrl: base });
const dossier = (no: string) => call(`/v1/dossiers/${no}`, { token: agencyToken }).then((r) => r.json);
const exceptions = (agencyCode: string) => call(`/v1/finance/exceptions?agencyCode=${agencyCode}&status=open`, { token: agencyToken }).then((r) => r.json.items as { exceptionId: string; kind: string; paymentId?: string; amount: number; reference?: string }[]);

async function createPayment(no: string): Promise<{ paymentId: string; redirectUrl: string }> {
  const res = await call(`/v1/dossiers/${no}/payments`, { token: citizenToken, headers: { 'idempotency-key': randomUUID() }, body: { provider: 'vnpay', returnUrl: `${base}/sandbox/portal/payment-result` } });
  expect(res.status, res.text).toBe(201);
  return res.json;
}

/** The citizen pays at the sandbox gateway; its signed result (what the IPN carries) comes back on the return URL. */
async function payAtGateway(redirectUrl: string, deliverIpn: boolean): Promise<Record<string, string>> {
  const signed = Object.fromEntries(new URL(redirectUrl).searchParams);
  const response = await fetch(`${base}/sandbox/vnpay/pay`, {
    method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...signed, outcome: 'success', ...(deliverIpn ? {} : { deliverIpn: 'no' }) }).toString(),
  });
  expect(response.status).toBe(302);
  return Object.fromEntries(new URL(response.headers.get('location')!).searchParams);
}

/** The sandbox bank's day-T file of each provider: VNPay's settlement file, the VietQR account statement. */
const SANDBOX_FILES = { vnpay: 'vnpay/settlement', vietqr: 'vietqr/statement' } as const;

/** `npm run reconcile -- <provider> <day> <sandbox file URL>` against this runtime's table, as an operator runs it. */
async function reconcileCommand(day: string, provider: keyof typeof SANDBOX_FILES = 'vnpay'): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, ['--import', 'tsx', 'scripts/reconcile.ts', provider, day, `${base}/sandbox/${SANDBOX_FILES[provider]}/${day}.csv`], {
    cwd: REPO_ROOT,
    env: {
      ...process.env, TABLE_NAME: runtime.tableName, AWS_ENDPOINT_URL_DYNAMODB: runtime.dynamoDbEndpoint, AWS_REGION: 'ap-southeast-1',
      AWS_ACCESS_KEY_ID: localCredentials.accessKeyId, AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey, NODE_NO_WARNINGS: '1',
    },
  });
}

describe('Issue 14, done when: double payment and unmatched transfer queued, resolved, and the day reconciles clean', () => {
  let first: { paymentId: string; result: Record<string, string> };
  let second: { paymentId: string; result: Record<string, string> };
  let paidNo: string;

  it('queues a double payment and an unmatched transfer; a sandbox-bank refund resolves the first, a manual match the second; the day\u2019s file reconciles with no open difference', async () => {
    // A double payment: the first IPN lost, a second payment settles the dossier, then the first IPN is retried.
    paidNo = await registerOnlineDossier(agencyToken, agency, applicant, uniqueCode('H31.26'), { baseUrl: base });
    const a = await createPayment(paidNo);
    first = { paymentId: a.paymentId, result: await payAtGateway(a.redirectUrl, false) };
    await new Promise((r) => setTimeout(r, 3_500)); // the first payment's validity runs out
    const b = await createPayment(paidNo);
    expect(b.paymentId).not.toBe(a.paymentId);
    second = { paymentId: b.paymentId, result: await payAtGateway(b.redirectUrl, true) };
    await until(() => dossier(paidNo), (d) => d.status === 'PROCESSING');
    const retried = await call(`/v1/callbacks/vnpay/ipn?${new URLSearchParams(first.result)}`);
    expect(retried.json).toEqual({ RspCode: '00', Message: 'Confirm Success' });

    // An unmatched transfer: a reference no payment has.
    const transfer = (await (await fetch(`${base}/sandbox/vietqr/transfer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reference: `NHAM-${randomUUID().slice(0, 8)}`, amount: 7_000 }) })).json()) as { webhookResponse: string; bookingDate: string };
    expect(JSON.parse(transfer.webhookResponse)).toEqual({ result: 'unmatched' });

    // Both appear in GET /v1/finance/exceptions: the double payment in the agency's queue, the transfer among money of no agency yet.
    const double = (await until(() => exceptions(agency), (items) => items.some((e) => e.paymentId === first.paymentId)))[0]!;
    expect(double).toMatchObject({ kind: 'second_success', paymentId: first.paymentId, amount: 5_000 });
    const [unmatched, ...noOther] = await exceptions('UNASSIGNED');
    expect(noOther).toEqual([]);
    expect(unmatched).toMatchObject({ kind: 'unmatched_transfer', amount: 7_000 });
    expect((await dossier(paidNo)).openFinanceExceptions).toBe(1);

    // A refund through the sandbox bank (its refund API, answered 00) resolves the double payment.
    const refund = await call(`/v1/payments/${first.paymentId}/refunds`, { token: agencyToken, headers: { 'idempotency-key': randomUUID() }, body: { amount: 5_000, reason: 'Nộp tiền hai lần', exceptionId: double.exceptionId } });
    expect(refund.status, refund.text).toBe(201);
    expect(refund.json).toMatchObject({ status: 'refunded', scope: 'full', providerCode: '00' });

    // A manual match to a dossier of the agency resolves the transfer.
    const otherNo = await registerOnlineDossier(agencyToken, agency, applicant, uniqueCode('H31.26'), { baseUrl: base });
    const match = await call(`/v1/finance/exceptions/${unmatched!.exceptionId}/resolution`, { token: agencyToken, body: { kind: 'manual_match', note: 'Công dân ghi sai nội dung chuyển khoản', dossierNo: otherNo } });
    expect(match.status, match.text).toBe(200);
    expect(match.json).toMatchObject({ status: 'resolved', agencyCode: agency, dossierNo: otherNo, resolution: { kind: 'manual_match' } });

    // The day's reconciliation of the sandbox bank's file (each Viet Nam day the payments were made on) opens nothing.
    const days = [...new Set([first, second].map((p) => vietnamDate(payDate(p.result.vnp_PayDate)!)))];
    let matched = 0;
    for (const day of days) {
      const { stdout, stderr } = await reconcileCommand(day);
      const counts = JSON.parse(/\{.*\}/.exec(stderr)![0]) as Record<string, number>;
      expect(counts).toMatchObject({ amount_difference: 0, missing_ours: 0, missing_theirs: 0 });
      expect(stderr).toMatch(/ 0 new exception\(s\)/);
      expect(stdout).not.toMatch(/AMOUNT_DIFFERENCE|MISSING_MERCHANT|MISSING_PROVIDER/);
      matched += counts.matched!;
    }
    expect(matched).toBe(2); // both payments, each once
    // The bank's statement of the transfer's booking day too: the matched transfer is money the book holds.
    const statement = await reconcileCommand(transfer.bookingDate, 'vietqr');
    expect(JSON.parse(/\{.*\}/.exec(statement.stderr)![0])).toEqual({ matched: 1, amount_difference: 0, missing_ours: 0, missing_theirs: 0 });
    expect(statement.stderr).toMatch(/ 0 new exception\(s\)/);
    expect(await exceptions(agency)).toEqual([]);
    expect(await exceptions('UNASSIGNED')).toEqual([]);
    expect((await dossier(paidNo)).openFinanceExceptions).toBe(0);

    // The ledger agrees: the refund went out of the money no fee line claimed, the fees stay collected.
    const summary = (await call(`/v1/finance/summary?agencyCode=${agency}&date=${vietnamDate(new Date())}`, { token: agencyToken })).json;
    expect(summary).toMatchObject({ refunded: 5_000, openExceptions: { count: 0, amount: 0 }, byFeeKind: { unallocated: { refunded: 5_000 } } });
    expect(Object.values(summary.byFeeKind as Record<string, { collected: number }>).reduce((s, k) => s + k.collected, 0)).toBe(summary.collected);
  }, 120_000);

  it('gives a refund of the fees paid an adjusting e-receipt (once), and leaves the original', async () => {
    // The dossier's fee receipt is issued after its payment (the e-receipts reaction).
    const originals = await until(() => call(`/v1/dossiers/${paidNo}/receipts`, { token: agencyToken }).then((r) => r.json.items as { purpose: string; amount: number; receiptNo: string }[]), (items) => items.length > 0, 30_000);
    const feesReceipted = originals.reduce((s, r) => s + r.amount, 0);
    expect(feesReceipted).toBe(5_000);

    const refund = await call(`/v1/payments/${second.paymentId}/refunds`, { token: agencyToken, headers: { 'idempotency-key': randomUUID() }, body: { amount: 1_000, reason: 'Giảm phí theo quyết định' } });
    expect(refund.json).toMatchObject({ status: 'refunded', scope: 'partial' });

    const items = await until(() => call(`/v1/dossiers/${paidNo}/receipts`, { token: agencyToken }).then((r) => r.json.items as { purpose: string; amount: number; adjusts?: { receiptNo: string } }[]), (all) => all.some((r) => r.purpose === 'adjustment'), 30_000);
    await new Promise((r) => setTimeout(r, 3_000)); // a redelivery, if any, would have come by now
    const after = (await call(`/v1/dossiers/${paidNo}/receipts`, { token: agencyToken })).json.items as typeof items;
    expect(after.filter((r) => r.purpose === 'adjustment').map((r) => r.amount)).toEqual([-1_000]);
    expect(after.filter((r) => r.purpose === 'original')).toEqual(items.filter((r) => r.purpose === 'original'));
  }, 90_000);
});
